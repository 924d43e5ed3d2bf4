using Npgsql;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>
/// The statements of one ingest commit. Each part of the round is one set-based statement whose
/// rows arrive as array parameters (unnest), so a round of thousands of messages is a handful of
/// statements sent in one round trip, however many rows it holds.
/// </summary>
internal static class PostgresIngestStatements
{
    // Repeats of (node, epoch, seq) are dropped, within the round as well as against stored rows.
    private const string InsertMessages = """
        INSERT INTO node_messages (node, epoch, seq, stream, type, measured_utc, received_utc, payload)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[])
        ON CONFLICT (node, epoch, seq) DO NOTHING
        """;

    // ON CONFLICT DO UPDATE can only see the proposed row, in which an absent value is already
    // replaced by the column default; the state update has to tell "absent" from a value, so new
    // nodes get a default row first and one UPDATE then applies the round to every row alike.
    private const string InsertMissingStates = "INSERT INTO node_state (node) SELECT unnest($1::text[]) ON CONFLICT (node) DO NOTHING";

    private const string UpdateStates = """
        UPDATE node_state t SET
          online = COALESCE(u.online, t.online),
          last_seen_utc = GREATEST(COALESCE(t.last_seen_utc, 0), u.last_seen_utc),
          status_json = COALESCE(u.status_json, t.status_json),
          heartbeat_json = COALESCE(u.heartbeat_json, t.heartbeat_json),
          last_report_json = COALESCE(u.report_json, t.last_report_json),
          epoch = COALESCE(u.epoch, t.epoch),
          acked_upto = COALESCE(u.acked_upto, t.acked_upto),
          lost_messages = t.lost_messages + u.lost,
          duplicate_messages = t.duplicate_messages + u.duplicates
        FROM unnest($1::text[], $2::boolean[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[])
          AS u (node, online, last_seen_utc, status_json, heartbeat_json, report_json, epoch, acked_upto, lost, duplicates)
        WHERE t.node = u.node
        """;

    private const string InsertGaps = """
        INSERT INTO message_gaps (node, epoch, first_seq, last_seq, noted_utc)
        SELECT u.*, (EXTRACT(EPOCH FROM now()) * 1000)::bigint FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[]) AS u
        """;

    private const string UpsertDeliveries = """
        INSERT INTO deliveries (alert, version, node, state, reason, updated_utc)
        SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::bigint[])
        ON CONFLICT (alert, version, node) DO UPDATE SET state = excluded.state, reason = excluded.reason, updated_utc = excluded.updated_utc
        """;

    /// <summary>Adds the statements for <paramref name="round"/> to <paramref name="batch"/>.</summary>
    public static void Add(NpgsqlBatch batch, IngestBatch round)
    {
        if (round.Messages.Count > 0)
        {
            batch.BatchCommands.Add(Messages(round.Messages));
        }

        if (round.States.Count > 0)
        {
            string[] nodes = [.. round.States.Keys];
            batch.BatchCommands.Add(Command(InsertMissingStates, nodes));
            batch.BatchCommands.Add(States(nodes, round.States));
        }

        if (round.Gaps.Count > 0)
        {
            batch.BatchCommands.Add(Command(InsertGaps, round.Gaps.Select(g => g.Node).ToArray(), round.Gaps.Select(g => g.Epoch).ToArray(),
                round.Gaps.Select(g => g.First).ToArray(), round.Gaps.Select(g => g.Last).ToArray()));
        }

        if (round.Deliveries.Count > 0)
        {
            batch.BatchCommands.Add(Deliveries(round.Deliveries));
        }
    }

    private static NpgsqlBatchCommand Messages(List<StoredMessage> messages)
    {
        int n = messages.Count;
        var node = new string[n];
        var epoch = new long[n];
        var seq = new long[n];
        var stream = new string[n];
        var type = new string?[n];
        var measured = new long?[n];
        var received = new long[n];
        var payload = new string[n];
        for (int i = 0; i < n; i++)
        {
            StoredMessage m = messages[i];
            (node[i], epoch[i], seq[i], stream[i], type[i], measured[i], received[i], payload[i]) = (m.Node, m.Epoch, m.Seq, m.Stream, m.Type, m.MeasuredUtcMs, m.ReceivedUtcMs, m.Payload);
        }

        return Command(InsertMessages, node, epoch, seq, stream, type, measured, received, payload);
    }

    private static NpgsqlBatchCommand States(string[] nodes, Dictionary<string, NodeStateUpdate> states)
    {
        int n = nodes.Length;
        var online = new bool?[n];
        var lastSeen = new long[n];
        var status = new string?[n];
        var heartbeat = new string?[n];
        var report = new string?[n];
        var epoch = new long?[n];
        var upto = new long?[n];
        var lost = new long[n];
        var duplicates = new long[n];
        for (int i = 0; i < n; i++)
        {
            NodeStateUpdate u = states[nodes[i]];
            (online[i], lastSeen[i], status[i], heartbeat[i], report[i]) = (u.Online, u.LastSeenUtcMs, u.StatusJson, u.HeartbeatJson, u.ReportJson);
            (epoch[i], upto[i], lost[i], duplicates[i]) = (u.Acked?.Epoch, u.Acked?.Upto, u.Lost, u.Duplicates);
        }

        return Command(UpdateStates, nodes, online, lastSeen, status, heartbeat, report, epoch, upto, lost, duplicates);
    }

    private static NpgsqlBatchCommand Deliveries(List<(string Alert, int Version, string Node, string State, string? Reason, long AtMs)> deliveries)
    {
        // One statement cannot update a row twice, and the round may hold several states for one
        // delivery: keep the last, as applying them one after another would.
        var last = new Dictionary<(string, int, string), (string State, string? Reason, long AtMs)>();
        foreach (var d in deliveries)
        {
            last[(d.Alert, d.Version, d.Node)] = (d.State, d.Reason, d.AtMs);
        }

        return Command(UpsertDeliveries, last.Keys.Select(k => k.Item1).ToArray(), last.Keys.Select(k => k.Item2).ToArray(), last.Keys.Select(k => k.Item3).ToArray(),
            last.Values.Select(v => v.State).ToArray(), last.Values.Select(v => v.Reason).ToArray(), last.Values.Select(v => v.AtMs).ToArray());
    }

    private static NpgsqlBatchCommand Command(string sql, params Array[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (Array array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }

        return command;
    }
}
