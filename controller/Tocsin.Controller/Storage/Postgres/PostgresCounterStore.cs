using Npgsql;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>Counters in PostgreSQL, each advance one atomic statement.</summary>
public sealed class PostgresCounterStore : ICounterStore
{
    private readonly PostgresDatabase _db;

    /// <summary>Creates the store.</summary>
    public PostgresCounterStore(PostgresDatabase db)
    {
        _db = db;
    }

    /// <inheritdoc />
    public long Advance(string name, long amount)
    {
        using NpgsqlConnection c = _db.Open();
        // The row lock taken by the upsert makes two advancing controllers queue rather than hand out the same block.
        using var cmd = new NpgsqlCommand("INSERT INTO counters (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value RETURNING value", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = amount });
        return (long)cmd.ExecuteScalar()!;
    }
}
