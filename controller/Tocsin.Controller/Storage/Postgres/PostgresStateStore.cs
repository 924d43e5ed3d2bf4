using System.Text.Json;
using Npgsql;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>Named JSON documents (the controller's state snapshots) in PostgreSQL.</summary>
public sealed class PostgresStateStore : IStateStore
{
    private const string Upsert = "INSERT INTO state (name, json, updated_utc) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_utc = excluded.updated_utc";
    private readonly PostgresDatabase _db;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public PostgresStateStore(PostgresDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <inheritdoc />
    public T? Read<T>(string name, JsonSerializerOptions options)
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("SELECT json FROM state WHERE name = $1", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<T>(json, options) : default;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("SELECT name FROM state WHERE starts_with(name, $1)", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = prefix });
        var names = new List<string>();
        using (NpgsqlDataReader reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        // Ordinal, whatever collation the database was created with.
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <inheritdoc />
    public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents) => Write(documents, []);

    /// <inheritdoc />
    public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents, IEnumerable<string> deletions)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(deletions);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using NpgsqlConnection c = _db.Open();
        using NpgsqlTransaction tx = c.BeginTransaction();
        // One statement per document, all sent in one round trip; a name given twice ends with its last document.
        using var batch = new NpgsqlBatch(c, tx);
        foreach (string name in deletions)
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM state WHERE name = $1");
            delete.Parameters.Add(new NpgsqlParameter { Value = name });
            batch.BatchCommands.Add(delete);
        }

        foreach (var (name, json) in documents)
        {
            var upsert = new NpgsqlBatchCommand(Upsert);
            upsert.Parameters.Add(new NpgsqlParameter { Value = name });
            upsert.Parameters.Add(new NpgsqlParameter { Value = System.Text.Encoding.UTF8.GetString(json.Span) });
            upsert.Parameters.Add(new NpgsqlParameter { Value = now });
            batch.BatchCommands.Add(upsert);
        }

        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
