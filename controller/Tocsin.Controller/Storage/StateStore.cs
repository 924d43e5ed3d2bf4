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
    void IStateStore.Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents) => Write(documents);

    /// <inheritdoc />
    void IStateStore.Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents, IEnumerable<string> deletions) => Write(documents, deletions: deletions);

    /// <summary>
    /// Writes several documents (UTF-8 JSON) and then deletes the ones named in <paramref name="deletions"/>,
    /// in one transaction; documents are stored as text.
    /// </summary>
    public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents, SqliteConnection? connection = null, SqliteTransaction? transaction = null, IEnumerable<string>? deletions = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        SqliteConnection c = connection ?? _db.Open();
        try
        {
            SqliteTransaction tx = transaction ?? c.BeginTransaction();
            // One compiled statement for every document. The bytes are bound as UTF-8 text as they
            // are (a UTF-8 database: no conversion), straight from the writer's buffer: a snapshot of
            // 10,000 nodes is megabytes, and a copy of it went to the large-object heap every time.
            SqliteRawStatement? upsert = null;
            try
            {
                foreach (var (name, json) in documents)
                {
                    upsert ??= new SqliteRawStatement(c, "INSERT INTO state (name, json, updated_utc) VALUES ($n, $j, $t) ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_utc = excluded.updated_utc", "$n", "$j", "$t");
                    upsert.Text(1, name).Utf8Text(2, json.Span).Integer(3, _time.GetUtcNow().ToUnixTimeMilliseconds()).Run();
                }
            }
            finally
            {
                upsert?.Dispose();
            }

            // Deletions after writes: should the transaction fail half-way where it cannot be undone (a
            // database without a rollback journal, as the simulation's is), an archived command is left
            // both live and archived, which loading resolves, never neither.
            foreach (string name in deletions ?? [])
            {
                using SqliteCommand delete = c.CreateCommand();
                delete.Transaction = tx;
                delete.CommandText = "DELETE FROM state WHERE name = $n";
                delete.Parameters.AddWithValue("$n", name);
                delete.ExecuteNonQuery();
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
