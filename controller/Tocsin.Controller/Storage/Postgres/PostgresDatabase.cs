using System.Globalization;
using Npgsql;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>
/// The controller's PostgreSQL database: a pooled data source, and the schema brought up to date at
/// start. Each migration runs once, in order, in its own transaction (PostgreSQL's DDL is
/// transactional, so a failed migration leaves nothing half-done), and is recorded in
/// schema_version.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    // Any fixed number: the advisory lock that makes controllers started together migrate one at a time.
    private const long MigrationLockKey = 0x70C5_1A_5C_4E_4D_41;
    private readonly NpgsqlDataSource _source;

    /// <summary>Creates the data source; nothing is connected until first use.</summary>
    public PostgresDatabase(string connectionString)
    {
        _source = NpgsqlDataSource.Create(Parse(connectionString));
    }

    /// <summary>Where the database of <paramref name="connectionString"/> is, without credentials (for logs).</summary>
    public static string Describe(string? connectionString)
    {
        NpgsqlConnectionStringBuilder builder = Parse(connectionString);
        return string.Format(CultureInfo.InvariantCulture, "postgres {0}:{1}/{2}", builder.Host, builder.Port, builder.Database ?? builder.Username);
    }

    /// <summary>Opens a pooled connection.</summary>
    public NpgsqlConnection Open() => _source.OpenConnection();

    /// <summary>Applies the migrations not applied yet; returns the schema version now in force.</summary>
    public int Migrate()
    {
        using NpgsqlConnection connection = Open();
        while (true)
        {
            using NpgsqlTransaction tx = connection.BeginTransaction();
            Execute(connection, "SELECT pg_advisory_xact_lock(" + MigrationLockKey.ToString(CultureInfo.InvariantCulture) + ")");
            Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection);
            int current = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (current >= PostgresSchema.Migrations.Count)
            {
                tx.Commit();
                return current;
            }

            Execute(connection, PostgresSchema.Migrations[current]);
            Execute(connection, "INSERT INTO schema_version (version) VALUES (" + (current + 1).ToString(CultureInfo.InvariantCulture) + ")");
            tx.Commit();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    private static NpgsqlConnectionStringBuilder Parse(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            throw new InvalidOperationException("no PostgreSQL connection string: set TOCSIN_POSTGRES");
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql names the offending keyword, never the values, so the message is safe to show.
            throw new InvalidOperationException("TOCSIN_POSTGRES is not a valid connection string: " + ex.Message, ex);
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
