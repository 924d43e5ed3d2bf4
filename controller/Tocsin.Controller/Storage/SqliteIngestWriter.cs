using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>
/// The engine's own connection for ingest rounds, with its statements compiled once. Under a steady
/// trickle a round holds a handful of messages, and then opening a connection, setting its pragmas
/// and compiling four statements cost more than the rows themselves (in the 10,000-node simulation,
/// a fifth of all controller time). Only the engine loop commits, so one connection serves every round.
/// </summary>
internal sealed class SqliteIngestWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _gap;
    private readonly SqliteCommand _delivery;

    /// <summary>Opens the connection and compiles the statements; on any failure nothing stays open.</summary>
    public SqliteIngestWriter(SqliteDatabase db)
    {
        _connection = db.Open();
        try
        {
            (_insert, _upsert, _gap, _delivery) = Prepare();
        }
        catch
        {
            // Closing the connection also finalizes whatever statements it had prepared.
            _connection.Dispose();
            throw;
        }
    }

    private (SqliteCommand Insert, SqliteCommand Upsert, SqliteCommand Gap, SqliteCommand Delivery) Prepare()
    {
        using (SqliteCommand pragma = _connection.CreateCommand())
        {
            // A round touches a page or two per node (1,000s of pages): the default 2 MB cache would
            // re-read them from the OS every round, and the default checkpoint threshold (1,000
            // pages) made every round's commit also copy the WAL back and fsync twice. At 10,000
            // pages (40 MB) a checkpoint comes every several rounds and copies each hot page once.
            pragma.CommandText = "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000;";
            pragma.ExecuteNonQuery();
        }

        SqliteCommand insert = Command(
            "INSERT OR IGNORE INTO node_messages (node, epoch, seq, stream, type, measured_utc, received_utc, payload) VALUES ($n, $e, $s, $st, $ty, $m, $r, $p)",
            ("$n", SqliteType.Text), ("$e", SqliteType.Integer), ("$s", SqliteType.Integer), ("$st", SqliteType.Text), ("$ty", SqliteType.Text),
            ("$m", SqliteType.Integer), ("$r", SqliteType.Integer), ("$p", SqliteType.Text));
        SqliteCommand upsert = Command(
            """
            INSERT INTO node_state (node, online, last_seen_utc, status_json, heartbeat_json, last_report_json, epoch, acked_upto, lost_messages, duplicate_messages)
            VALUES ($n, COALESCE($o, 0), $l, $s, $h, $rep, $e, $u, $lost, $dup)
            ON CONFLICT (node) DO UPDATE SET
              online = COALESCE($o, online), last_seen_utc = MAX(COALESCE(last_seen_utc, 0), $l),
              status_json = COALESCE($s, status_json), heartbeat_json = COALESCE($h, heartbeat_json),
              last_report_json = COALESCE($rep, last_report_json), epoch = COALESCE($e, epoch), acked_upto = COALESCE($u, acked_upto),
              lost_messages = lost_messages + $lost, duplicate_messages = duplicate_messages + $dup
            """,
            ("$n", SqliteType.Text), ("$o", SqliteType.Integer), ("$l", SqliteType.Integer), ("$s", SqliteType.Text), ("$h", SqliteType.Text),
            ("$rep", SqliteType.Text), ("$e", SqliteType.Integer), ("$u", SqliteType.Integer), ("$lost", SqliteType.Integer), ("$dup", SqliteType.Integer));
        SqliteCommand gap = Command(
            "INSERT INTO message_gaps (node, epoch, first_seq, last_seq, noted_utc) VALUES ($n, $e, $f, $l, strftime('%s','now') * 1000)",
            ("$n", SqliteType.Text), ("$e", SqliteType.Integer), ("$f", SqliteType.Integer), ("$l", SqliteType.Integer));
        SqliteCommand delivery = Command(
            "INSERT INTO deliveries (alert, version, node, state, reason, updated_utc) VALUES ($a, $v, $n, $s, $r, $t) "
            + "ON CONFLICT (alert, version, node) DO UPDATE SET state = excluded.state, reason = excluded.reason, updated_utc = excluded.updated_utc",
            ("$a", SqliteType.Text), ("$v", SqliteType.Integer), ("$n", SqliteType.Text), ("$s", SqliteType.Text), ("$r", SqliteType.Text), ("$t", SqliteType.Integer));
        return (insert, upsert, gap, delivery);
    }

    /// <summary>Writes the round in one transaction; on any error nothing of it is kept.</summary>
    public void Commit(IngestBatch batch)
    {
        using SqliteTransaction tx = _connection.BeginTransaction();
        foreach (SqliteCommand command in (ReadOnlySpan<SqliteCommand>)[_insert, _upsert, _gap, _delivery])
        {
            command.Transaction = tx;
        }

        foreach (StoredMessage msg in batch.Messages)
        {
            Run(_insert, msg.Node, msg.Epoch, msg.Seq, msg.Stream, msg.Type, msg.MeasuredUtcMs, msg.ReceivedUtcMs, msg.Payload);
        }

        foreach (var (node, u) in batch.States)
        {
            Run(_upsert, node, u.Online.HasValue ? (u.Online.Value ? 1 : 0) : null, u.LastSeenUtcMs, u.StatusJson, u.HeartbeatJson, u.ReportJson,
                u.Acked?.Epoch, u.Acked?.Upto, u.Lost, u.Duplicates);
        }

        foreach (var (node, epoch, first, last) in batch.Gaps)
        {
            Run(_gap, node, epoch, first, last);
        }

        foreach (var d in batch.Deliveries)
        {
            Run(_delivery, d.Alert, d.Version, d.Node, d.State, d.Reason, d.AtMs);
        }

        tx.Commit();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _upsert.Dispose();
        _gap.Dispose();
        _delivery.Dispose();
        _connection.Dispose();
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        command.Prepare();
        return command;
    }
}
