using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Storage.Postgres;
using Xunit;

namespace Tocsin.Controller.Tests.Support;

/// <summary>
/// The stores of one database kind, wired by the same registration the controller uses, on a fresh
/// SQLite file or a fresh database of the test PostgreSQL server.
/// </summary>
public sealed class StorageUnderTest : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _sqliteDirectory;

    private StorageUnderTest(ServiceProvider services, string? sqliteDirectory, ManualTime time)
    {
        _services = services;
        _sqliteDirectory = sqliteDirectory;
        Time = time;
    }

    /// <summary>The database kinds every store test runs on.</summary>
    public static TheoryData<string> Databases { get; } = new() { "sqlite", "postgres" };

    public ManualTime Time { get; }

    public INodeStore Nodes => _services.GetRequiredService<INodeStore>();

    public IMessageStore Messages => _services.GetRequiredService<IMessageStore>();

    public IStateStore State => _services.GetRequiredService<IStateStore>();

    public IAlertStore Alerts => _services.GetRequiredService<IAlertStore>();

    public IOperatorStore Operators => _services.GetRequiredService<IOperatorStore>();

    public IAuditLog Audit => _services.GetRequiredService<IAuditLog>();

    public ICounterStore Counters => _services.GetRequiredService<ICounterStore>();

    public static async Task<StorageUnderTest> CreateAsync(string database, PostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var time = new ManualTime();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        string? directory = null;
        if (database == "postgres")
        {
            services.AddPostgresStorage(await server.CreateDatabaseAsync());
        }
        else
        {
            directory = Path.Combine(Path.GetTempPath(), "tocsin-store-test-" + Guid.NewGuid().ToString("N"));
            services.AddSqliteStorage(Path.Combine(directory, "tocsin.db"));
        }

        return new StorageUnderTest(services.BuildServiceProvider(), directory, time);
    }

    /// <summary>One value from a query the store interfaces do not offer (rows only the ingest commit writes).</summary>
    public object? Scalar(string sql)
    {
        if (_services.GetService<PostgresDatabase>() is { } postgres)
        {
            using NpgsqlConnection c = postgres.Open();
            using var command = new NpgsqlCommand(sql, c);
            return command.ExecuteScalar();
        }

        using SqliteConnection s = _services.GetRequiredService<SqliteDatabase>().Open();
        using SqliteCommand query = s.CreateCommand();
        query.CommandText = sql;
        return query.ExecuteScalar();
    }

    public void Dispose()
    {
        _services.Dispose();
        if (_sqliteDirectory != null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }
}
