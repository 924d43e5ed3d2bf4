using Npgsql;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>
/// Node messages and per-node state in PostgreSQL. An ingest round is one transaction holding a
/// few set-based statements (see <see cref="PostgresIngestStatements"/>) sent in one round trip.
/// </summary>
public sealed class PostgresMessageStore : IMessageStore
{
    private readonly PostgresDatabase _db;

    /// <summary>Creates the store.</summary>
    public PostgresMessageStore(PostgresDatabase db)
    {
        _db = db;
    }

    /// <inheritdoc />
    public void Commit(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsEmpty)
        {
            return;
        }

        using NpgsqlConnection c = _db.Open();
        using NpgsqlTransaction tx = c.BeginTransaction();
        using var statements = new NpgsqlBatch(c, tx);
        PostgresIngestStatements.Add(statements, batch);
        statements.ExecuteNonQuery();
        tx.Commit();
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredMessage> Series(string node, string stream, long fromUtcMs, long toUtcMs, int limit)
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("SELECT node, epoch, seq, stream, type, measured_utc, received_utc, payload FROM node_messages "
            + "WHERE node = $1 AND stream = $2 AND COALESCE(measured_utc, received_utc) BETWEEN $3 AND $4 ORDER BY COALESCE(measured_utc, received_utc) LIMIT $5", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = node });
        cmd.Parameters.Add(new NpgsqlParameter { Value = stream });
        cmd.Parameters.Add(new NpgsqlParameter { Value = fromUtcMs });
        cmd.Parameters.Add(new NpgsqlParameter { Value = toUtcMs });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, 100_000) });
        using NpgsqlDataReader r = cmd.ExecuteReader();
        var list = new List<StoredMessage>();
        while (r.Read())
        {
            list.Add(new StoredMessage(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetInt64(5), r.GetInt64(6), r.GetString(7)));
        }

        return list;
    }

    /// <inheritdoc />
    public IReadOnlyList<NodeStateRow> States()
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("SELECT node, online, last_seen_utc, status_json, heartbeat_json, last_report_json, lost_messages, duplicate_messages FROM node_state ORDER BY node", c);
        using NpgsqlDataReader r = cmd.ExecuteReader();
        var list = new List<NodeStateRow>();
        while (r.Read())
        {
            list.Add(new NodeStateRow(r.GetString(0), r.GetBoolean(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt64(6), r.GetInt64(7)));
        }

        return list;
    }

    /// <inheritdoc />
    public long Count()
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM node_messages", c);
        return (long)cmd.ExecuteScalar()!;
    }
}
