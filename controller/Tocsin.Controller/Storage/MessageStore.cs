using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>
/// Node messages and per-node state. Ingest writes a whole round in one transaction (thousands of
/// rows), which is what makes 10,000 reports per second affordable on SQLite.
/// </summary>
public sealed class MessageStore : IMessageStore
{
    private readonly SqliteDatabase _db;

    /// <summary>Creates the store.</summary>
    public MessageStore(SqliteDatabase db)
    {
        _db = db;
    }

    /// <summary>Commits one ingest round.</summary>
    public void Commit(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsEmpty)
        {
            return;
        }

        using SqliteConnection c = _db.Open();
        using (SqliteCommand pragma = c.CreateCommand())
        {
            // A round touches a page or two per node (1,000s of pages): the default 2 MB cache would
            // re-read them from the OS every round, and the default checkpoint threshold (1,000
            // pages) made every round's commit also copy the WAL back and fsync twice. At 10,000
            // pages (40 MB) a checkpoint comes every several rounds and copies each hot page once.
            pragma.CommandText = "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000;";
            pragma.ExecuteNonQuery();
        }

        using SqliteTransaction tx = c.BeginTransaction();
        if (batch.Messages.Count > 0)
        {
            using SqliteCommand insert = c.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT OR IGNORE INTO node_messages (node, epoch, seq, stream, type, measured_utc, received_utc, payload) VALUES ($n, $e, $s, $st, $ty, $m, $r, $p)";
            SqliteParameter n = insert.Parameters.Add("$n", SqliteType.Text);
            SqliteParameter e = insert.Parameters.Add("$e", SqliteType.Integer);
            SqliteParameter s = insert.Parameters.Add("$s", SqliteType.Integer);
            SqliteParameter st = insert.Parameters.Add("$st", SqliteType.Text);
            SqliteParameter ty = insert.Parameters.Add("$ty", SqliteType.Text);
            SqliteParameter m = insert.Parameters.Add("$m", SqliteType.Integer);
            SqliteParameter r = insert.Parameters.Add("$r", SqliteType.Integer);
            SqliteParameter p = insert.Parameters.Add("$p", SqliteType.Text);
            insert.Prepare();
            foreach (StoredMessage msg in batch.Messages)
            {
                n.Value = msg.Node;
                e.Value = msg.Epoch;
                s.Value = msg.Seq;
                st.Value = msg.Stream;
                ty.Value = (object?)msg.Type ?? DBNull.Value;
                m.Value = (object?)msg.MeasuredUtcMs ?? DBNull.Value;
                r.Value = msg.ReceivedUtcMs;
                p.Value = msg.Payload;
                insert.ExecuteNonQuery();
            }
        }

        if (batch.States.Count > 0)
        {
            // One prepared statement for the round: re-parsing the SQL per node cost more than the insert itself.
            using SqliteCommand upsert = c.CreateCommand();
            upsert.Transaction = tx;
            upsert.CommandText = """
                INSERT INTO node_state (node, online, last_seen_utc, status_json, heartbeat_json, last_report_json, epoch, acked_upto, lost_messages, duplicate_messages)
                VALUES ($n, COALESCE($o, 0), $l, $s, $h, $rep, $e, $u, $lost, $dup)
                ON CONFLICT (node) DO UPDATE SET
                  online = COALESCE($o, online), last_seen_utc = MAX(COALESCE(last_seen_utc, 0), $l),
                  status_json = COALESCE($s, status_json), heartbeat_json = COALESCE($h, heartbeat_json),
                  last_report_json = COALESCE($rep, last_report_json), epoch = COALESCE($e, epoch), acked_upto = COALESCE($u, acked_upto),
                  lost_messages = lost_messages + $lost, duplicate_messages = duplicate_messages + $dup
                """;
            SqliteParameter pn = upsert.Parameters.Add("$n", SqliteType.Text);
            SqliteParameter po = upsert.Parameters.Add("$o", SqliteType.Integer);
            SqliteParameter pl = upsert.Parameters.Add("$l", SqliteType.Integer);
            SqliteParameter ps = upsert.Parameters.Add("$s", SqliteType.Text);
            SqliteParameter ph = upsert.Parameters.Add("$h", SqliteType.Text);
            SqliteParameter prep = upsert.Parameters.Add("$rep", SqliteType.Text);
            SqliteParameter pe = upsert.Parameters.Add("$e", SqliteType.Integer);
            SqliteParameter pu = upsert.Parameters.Add("$u", SqliteType.Integer);
            SqliteParameter plost = upsert.Parameters.Add("$lost", SqliteType.Integer);
            SqliteParameter pdup = upsert.Parameters.Add("$dup", SqliteType.Integer);
            upsert.Prepare();
            foreach (var (node, u) in batch.States)
            {
                pn.Value = node;
                po.Value = u.Online.HasValue ? (u.Online.Value ? 1 : 0) : DBNull.Value;
                pl.Value = u.LastSeenUtcMs;
                ps.Value = (object?)u.StatusJson ?? DBNull.Value;
                ph.Value = (object?)u.HeartbeatJson ?? DBNull.Value;
                prep.Value = (object?)u.ReportJson ?? DBNull.Value;
                pe.Value = u.Acked.HasValue ? u.Acked.Value.Epoch : DBNull.Value;
                pu.Value = u.Acked.HasValue ? u.Acked.Value.Upto : DBNull.Value;
                plost.Value = u.Lost;
                pdup.Value = u.Duplicates;
                upsert.ExecuteNonQuery();
            }
        }

        foreach (var (node, epoch, first, last) in batch.Gaps)
        {
            using SqliteCommand gap = c.CreateCommand();
            gap.Transaction = tx;
            gap.CommandText = "INSERT INTO message_gaps (node, epoch, first_seq, last_seq, noted_utc) VALUES ($n, $e, $f, $l, strftime('%s','now') * 1000)";
            gap.Parameters.AddWithValue("$n", node);
            gap.Parameters.AddWithValue("$e", epoch);
            gap.Parameters.AddWithValue("$f", first);
            gap.Parameters.AddWithValue("$l", last);
            gap.ExecuteNonQuery();
        }

        foreach (var d in batch.Deliveries)
        {
            using SqliteCommand del = c.CreateCommand();
            del.Transaction = tx;
            del.CommandText = "INSERT INTO deliveries (alert, version, node, state, reason, updated_utc) VALUES ($a, $v, $n, $s, $r, $t) ON CONFLICT (alert, version, node) DO UPDATE SET state = excluded.state, reason = excluded.reason, updated_utc = excluded.updated_utc";
            del.Parameters.AddWithValue("$a", d.Alert);
            del.Parameters.AddWithValue("$v", d.Version);
            del.Parameters.AddWithValue("$n", d.Node);
            del.Parameters.AddWithValue("$s", d.State);
            del.Parameters.AddWithValue("$r", (object?)d.Reason ?? DBNull.Value);
            del.Parameters.AddWithValue("$t", d.AtMs);
            del.ExecuteNonQuery();
        }

        tx.Commit();
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
