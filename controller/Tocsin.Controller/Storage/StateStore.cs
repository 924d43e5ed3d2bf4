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
    public IReadOnlyList<string> Names(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM state WHERE substr(name, 1, length($p)) = $p";
        cmd.Parameters.AddWithValue("$p", prefix);
        var names = new List<string>();
        using (SqliteDataReader reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <inheritdoc />
    void IStateStore.Write(IEnumerable<(string Name, byte[] Json)> documents) => Write(documents);

    /// <inheritdoc />
    void IStateStore.Write(IEnumerable<(string Name, byte[] Json)> documents, IEnumerable<string> deletions) => Write(documents, deletions: deletions);

    /// <summary>
    /// Writes several documents (UTF-8 JSON) and deletes the ones named in <paramref name="deletions"/>,
    /// in one transaction; documents are stored as text.
    /// </summary>
    public void Write(IEnumerable<(string Name, byte[] Json)> documents, SqliteConnection? connection = null, SqliteTransaction? transaction = null, IEnumerable<string>? deletions = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        SqliteConnection c = connection ?? _db.Open();
        try
        {
            SqliteTransaction tx = transaction ?? c.BeginTransaction();
            foreach (string name in deletions ?? [])
            {
                using SqliteCommand delete = c.CreateCommand();
                delete.Transaction = tx;
                delete.CommandText = "DELETE FROM state WHERE name = $n";
                delete.Parameters.AddWithValue("$n", name);
                delete.ExecuteNonQuery();
            }

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
