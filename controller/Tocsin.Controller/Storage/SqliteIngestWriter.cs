using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>
/// The engine's own connection for ingest rounds, with its statements compiled once. Under a steady
/// trickle a round holds a handful of messages, and then opening a connection, setting its pragmas
/// and compiling four statements cost more than the rows themselves (in the 10,000-node simulation,
/// a fifth of all controller time). Only the engine loop commits, so one connection serves every round.
/// The rows go through <see cref="SqliteRawStatement"/>, without the per-execution objects of ADO.NET.
/// </summary>
internal sealed class SqliteIngestWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteRawStatement _insert;
    private readonly SqliteRawStatement _upsert;
    private readonly SqliteRawStatement _gap;
    private readonly SqliteRawStatement _delivery;

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
            // Prepare finalized whatever statements it had compiled; the connection goes back unused.
            _connection.Dispose();
            throw;
        }
    }

    private (SqliteRawStatement Insert, SqliteRawStatement Upsert, SqliteRawStatement Gap, SqliteRawStatement Delivery) Prepare()
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

        var compiled = new List<SqliteRawStatement>(4);
        try
        {
            return Compile(compiled);
        }
        catch
        {
            foreach (SqliteRawStatement statement in compiled)
            {
                statement.Dispose();
            }

            throw;
        }
    }

    private (SqliteRawStatement Insert, SqliteRawStatement Upsert, SqliteRawStatement Gap, SqliteRawStatement Delivery) Compile(List<SqliteRawStatement> compiled)
    {
        SqliteRawStatement Add(SqliteRawStatement statement)
        {
            compiled.Add(statement);
            return statement;
        }

        SqliteRawStatement insert = Add(new SqliteRawStatement(
            _connection,
            "INSERT OR IGNORE INTO node_messages (node, epoch, seq, stream, type, measured_utc, received_utc, payload) VALUES ($n, $e, $s, $st, $ty, $m, $r, $p)",
            "$n", "$e", "$s", "$st", "$ty", "$m", "$r", "$p"));
        SqliteRawStatement upsert = Add(new SqliteRawStatement(
            _connection,
            """
            INSERT INTO node_state (node, online, last_seen_utc, status_json, heartbeat_json, last_report_json, epoch, acked_upto, lost_messages, duplicate_messages)
            VALUES ($n, COALESCE($o, 0), $l, $s, $h, $rep, $e, $u, $lost, $dup)
            ON CONFLICT (node) DO UPDATE SET
              online = COALESCE($o, online), last_seen_utc = MAX(COALESCE(last_seen_utc, 0), $l),
              status_json = COALESCE($s, status_json), heartbeat_json = COALESCE($h, heartbeat_json),
              last_report_json = COALESCE($rep, last_report_json), epoch = COALESCE($e, epoch), acked_upto = COALESCE($u, acked_upto),
              lost_messages = lost_messages + $lost, duplicate_messages = duplicate_messages + $dup
            """,
            "$n", "$o", "$l", "$s", "$h", "$rep", "$e", "$u", "$lost", "$dup"));
        SqliteRawStatement gap = Add(new SqliteRawStatement(
            _connection,
            "INSERT INTO message_gaps (node, epoch, first_seq, last_seq, noted_utc) VALUES ($n, $e, $f, $l, strftime('%s','now') * 1000)",
            "$n", "$e", "$f", "$l"));
        SqliteRawStatement delivery = Add(new SqliteRawStatement(
            _connection,
            "INSERT INTO deliveries (alert, version, node, state, reason, updated_utc) VALUES ($a, $v, $n, $s, $r, $t) "
            + "ON CONFLICT (alert, version, node) DO UPDATE SET state = excluded.state, reason = excluded.reason, updated_utc = excluded.updated_utc",
            "$a", "$v", "$n", "$s", "$r", "$t"));
        return (insert, upsert, gap, delivery);
    }

    /// <summary>
    /// Writes the round in one transaction; on any error nothing of it is kept (except in a database
    /// without a rollback journal, the simulation's in-memory one, where the engine stops at the error).
    /// </summary>
    public void Commit(IngestBatch batch)
    {
        using SqliteTransaction tx = _connection.BeginTransaction();
        foreach (StoredMessage msg in batch.Messages)
        {
            _insert.Text(1, msg.Node).Integer(2, msg.Epoch).Integer(3, msg.Seq).Text(4, msg.Stream).Text(5, msg.Type)
                .Integer(6, msg.MeasuredUtcMs).Integer(7, msg.ReceivedUtcMs).Utf8Text(8, msg.PayloadUtf8.Span).Run();
        }

        foreach (var (node, u) in batch.States)
        {
            _upsert.Text(1, node).Integer(2, u.Online.HasValue ? (u.Online.Value ? 1 : 0) : null).Integer(3, u.LastSeenUtcMs)
                .Text(4, u.StatusJson);
            // The latest heartbeat and report go in as the UTF-8 they arrived in: no string is made.
            if (u.TryGetHeartbeatUtf8(out ReadOnlyMemory<byte> heartbeat))
            {
                _upsert.Utf8Text(5, heartbeat.Span);
            }
            else
            {
                _upsert.Text(5, u.HeartbeatJson);
            }

            if (u.TryGetReportUtf8(out ReadOnlyMemory<byte> report))
            {
                _upsert.Utf8Text(6, report.Span);
            }
            else
            {
                _upsert.Text(6, u.ReportJson);
            }

            _upsert.Integer(7, u.Acked?.Epoch).Integer(8, u.Acked?.Upto).Integer(9, u.Lost).Integer(10, u.Duplicates).Run();
        }

        foreach (var (node, epoch, first, last) in batch.Gaps)
        {
            _gap.Text(1, node).Integer(2, epoch).Integer(3, first).Integer(4, last).Run();
        }

        foreach (var d in batch.Deliveries)
        {
            _delivery.Text(1, d.Alert).Integer(2, d.Version).Text(3, d.Node).Text(4, d.State).Text(5, d.Reason).Integer(6, d.AtMs).Run();
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
}
