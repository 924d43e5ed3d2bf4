using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>
/// Node messages and per-node state. Ingest writes a whole round in one transaction (thousands of
/// rows), which is what makes 10,000 reports per second affordable on SQLite.
/// </summary>
public sealed class MessageStore : IMessageStore, IDisposable
{
    private readonly SqliteDatabase _db;
    private SqliteIngestWriter? _writer;
    private bool _disposed;

    /// <summary>Creates the store.</summary>
    public MessageStore(SqliteDatabase db)
    {
        _db = db;
    }

    /// <summary>Commits one ingest round (only the engine loop calls this, so it may keep its own connection).</summary>
    public void Commit(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (batch.IsEmpty)
        {
            return;
        }

        _writer ??= new SqliteIngestWriter(_db);
        _writer.Commit(batch);
    }

    /// <summary>Closes the ingest connection.</summary>
    public void Dispose()
    {
        _disposed = true;
        _writer?.Dispose();
        _writer = null;
    }

    /// <summary>A node's stored messages of one stream in a time range (by measurement time), oldest first.</summary>
    public IReadOnlyList<StoredMessage> Series(string node, string stream, long fromUtcMs, long toUtcMs, int limit)
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT node, epoch, seq, stream, type, measured_utc, received_utc, payload FROM node_messages WHERE node = $n AND stream = $s AND COALESCE(measured_utc, received_utc) BETWEEN $f AND $t ORDER BY COALESCE(measured_utc, received_utc) LIMIT $l";
        cmd.Parameters.AddWithValue("$n", node);
        cmd.Parameters.AddWithValue("$s", stream);
        cmd.Parameters.AddWithValue("$f", fromUtcMs);
        cmd.Parameters.AddWithValue("$t", toUtcMs);
        cmd.Parameters.AddWithValue("$l", Math.Clamp(limit, 1, 100_000));
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<StoredMessage>();
        while (r.Read())
        {
            list.Add(new StoredMessage(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetInt64(5), r.GetInt64(6), r.GetString(7)));
        }

        return list;
    }

    /// <summary>Current state rows of every node: (node, online, last seen, status, heartbeat, last report, lost, duplicates).</summary>
    public IReadOnlyList<NodeStateRow> States()
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT node, online, last_seen_utc, status_json, heartbeat_json, last_report_json, lost_messages, duplicate_messages FROM node_state ORDER BY node";
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<NodeStateRow>();
        while (r.Read())
        {
            list.Add(new NodeStateRow(r.GetString(0), r.GetInt64(1) != 0, r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt64(6), r.GetInt64(7)));
        }

        return list;
    }

    /// <summary>Number of stored messages (for reports and tests).</summary>
    public long Count()
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM node_messages";
        return (long)cmd.ExecuteScalar()!;
    }
}
