using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>
/// Named JSON documents: the snapshots of the controller's in-memory state (sequence trackers,
/// delivery ledger, rule engine, health, alarms, region map, command counter) that must survive a
/// restart.
/// </summary>
public sealed class StateStore : IStateStore
{
    private readonly SqliteDatabase _db;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public StateStore(SqliteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>Reads a document, or default when absent.</summary>
    public T? Read<T>(string name, JsonSerializerOptions options)
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT json FROM state WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<T>(json, options) : default;
    }

    /// <inheritdoc />
    void IStateStore.Write(IEnumerable<(string Name, byte[] Json)> documents) => Write(documents);

    /// <summary>Writes several documents (UTF-8 JSON) in one transaction; they are stored as text.</summary>
    public void Write(IEnumerable<(string Name, byte[] Json)> documents, SqliteConnection? connection = null, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        SqliteConnection c = connection ?? _db.Open();
        try
        {
            SqliteTransaction tx = transaction ?? c.BeginTransaction();
            foreach (var (name, json) in documents)
            {
                using SqliteCommand cmd = c.CreateCommand();
                cmd.Transaction = tx;
                // The bytes are bound as they are and made text inside SQLite (a UTF-8 database: no conversion).
                cmd.CommandText = "INSERT INTO state (name, json, updated_utc) VALUES ($n, CAST($j AS TEXT), $t) ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_utc = excluded.updated_utc";
                cmd.Parameters.AddWithValue("$n", name);
                cmd.Parameters.AddWithValue("$j", json);
                cmd.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
                cmd.ExecuteNonQuery();
            }

            if (transaction == null)
            {
                tx.Commit();
                tx.Dispose();
            }
        }
        finally
        {
            if (connection == null)
            {
                c.Dispose();
            }
        }
    }
}
