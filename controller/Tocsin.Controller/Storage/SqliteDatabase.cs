using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>
/// The controller's SQLite file: opens connections in WAL mode (readers never block the ingest
/// writer) and brings the schema up to date at start. Each migration runs once, in order, in a
/// transaction, and is recorded in schema_version. A throwaway database can live in memory instead
/// (<see cref="InMemory"/>).
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    /// <summary>
    /// Creates a database on <paramref name="path"/> (created if missing). With <paramref name="syncWrites"/>
    /// false the file is never synced: a killed process loses nothing, a power cut may corrupt it.
    /// </summary>
    public SqliteDatabase(string path, bool syncWrites = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory != null)
        {
            Directory.CreateDirectory(directory);
        }

        Path = path;
        _pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=" + (syncWrites ? "NORMAL" : "OFF") + "; " + CommonPragmas;
        _connectionString = ConnectionString(path, SqliteOpenMode.ReadWriteCreate, SqliteCacheMode.Private);
    }

    private SqliteDatabase(string description, string connectionString, string pragmas)
    {
        Path = description;
        _connectionString = connectionString;
        _pragmas = pragmas;
    }

    private const string CommonPragmas = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    /// <summary>
    /// A database held in this process's memory under <paramref name="name"/> (SQLite's shared-cache
    /// in-memory database): every connection to the same name sees the same data, for as long as one
    /// of them stays open, and it is gone with the process. Only for throwaway databases, such as a
    /// deterministic simulation's, where it saves the file system calls and the write-ahead log. Its
    /// locks are per table and a write blocks readers of its tables, which suits one engine loop, not
    /// a controller serving readers beside its ingest. (The memdb VFS was faster to small sizes but
    /// keeps a database in one block, which SQLite cannot grow past 2 GB.)
    /// Its pages are 64 KB (SQLite's largest), not 4 KB. Rebalancing a b-tree briefly gives a page the
    /// number of the page at 1 GB (SQLite's pending-byte page), and at each commit SQLite then walks its
    /// page cache for pages beyond the end of the database: every page while the database is under 1 GB,
    /// and an in-memory database's cache holds all of it. With a sixteenth as many pages that walk costs
    /// a sixteenth, and larger pages are rebalanced less often; at 10,000 simulated nodes it had been a
    /// quarter of the controller's time early in a run with 4 KB pages, and 6 % of it over a day with 16 KB
    /// pages (64 KB made the day's controller rounds 44.5 s against 53.0 s, and 54.4 s against 57.8 s).
    /// It keeps no rollback journal: with one, every page a transaction first touches is copied to it,
    /// and each round's messages touch an index page per node (at 10,000 simulated nodes with 16 KB pages,
    /// about a fifth of the controller's time). A database in memory dies with its process, so the
    /// journal only ever served to undo a transaction that failed: nothing the controller writes rolls
    /// back on purpose, the simulation stops at any round the database refuses, and the one write it
    /// goes on after (archiving a ledger command) writes before it deletes, so a half-done one leaves
    /// the command in both places, which loading resolves.
    /// </summary>
    public static SqliteDatabase InMemory(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("an in-memory database name takes letters, digits, '-' and '_' only", nameof(name));
        }

        return new SqliteDatabase("memory:" + name, ConnectionString(name, SqliteOpenMode.Memory, SqliteCacheMode.Shared),
            "PRAGMA page_size=65536; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; " + CommonPragmas);
    }

    private static string ConnectionString(string dataSource, SqliteOpenMode mode, SqliteCacheMode cache) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = mode,
        Cache = cache,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>The database file (or "memory:" and the name of an in-memory one).</summary>
    public string Path { get; }

    /// <summary>Opens a connection with the pragmas every connection needs.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using SqliteCommand pragma = connection.CreateCommand();
        pragma.CommandText = _pragmas;
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Closes the idle connections the pool keeps to this database. An in-memory one is freed once its
    /// last connection closes, and the pool would otherwise keep it until the process ends.
    /// </summary>
    public void ReleasePooledConnections()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Applies the migrations not applied yet; returns the schema version now in force.</summary>
    public int Migrate()
    {
        using SqliteConnection connection = Open();
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int current = Convert.ToInt32(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version") ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        for (int i = current; i < Schema.Migrations.Count; i++)
        {
            using SqliteTransaction tx = connection.BeginTransaction();
            Execute(connection, tx, Schema.Migrations[i]);
            Execute(connection, tx, "INSERT INTO schema_version (version) VALUES (" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
            tx.Commit();
        }

        return Schema.Migrations.Count;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
