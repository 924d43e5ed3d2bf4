using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>
/// The controller's SQLite file: opens connections in WAL mode (readers never block the ingest
/// writer) and brings the schema up to date at start. Each migration runs once, in order, in a
/// transaction, and is recorded in schema_version.
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
        _pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=" + (syncWrites ? "NORMAL" : "OFF") + "; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
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
