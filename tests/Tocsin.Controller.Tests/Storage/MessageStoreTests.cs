using System.Diagnostics;
using System.Globalization;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Tocsin.Controller.Tests.Storage;

/// <summary>The ingest commit: messages with repeats dropped, node state merged, gaps and deliveries written.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MessageStoreTests(PostgresServer server, ITestOutputHelper output)
{
    private static StoredMessage Report(string node, long seq, long measuredMs, string payload = "{}") =>
        new(node, 7, seq, "report", "water", measuredMs, measuredMs + 50, payload);

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_message_repeated_in_the_round_or_in_a_later_one_is_stored_once(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var first = new IngestBatch();
        first.Messages.AddRange([Report("sn-1", 1, 1_000, """{"d":1}"""), Report("sn-1", 2, 2_000), Report("sn-1", 1, 1_000, """{"d":"again"}"""), Report("sn-2", 1, 1_500)]);
        storage.Messages.Commit(first);
        var second = new IngestBatch();
        second.Messages.AddRange([Report("sn-1", 2, 2_000), Report("sn-1", 3, 3_000), new StoredMessage("sn-1", 7, 4, "report", null, null, 3_500, "{}")]);
        storage.Messages.Commit(second);

        Assert.Equal(5, storage.Messages.Count());
        IReadOnlyList<StoredMessage> series = storage.Messages.Series("sn-1", "report", 1_000, 3_500, 100);
        Assert.Equal([1L, 2L, 3L, 4L], series.Select(m => m.Seq));
        Assert.Equal("""{"d":1}""", series[0].Payload);
        Assert.Equal(new StoredMessage("sn-1", 7, 4, "report", null, null, 3_500, "{}"), series[3]);
        Assert.Equal([2L], storage.Messages.Series("sn-1", "report", 1_001, 2_999, 100).Select(m => m.Seq));
        Assert.Equal([1L, 2L], storage.Messages.Series("sn-1", "report", 0, 10_000, 2).Select(m => m.Seq));
        Assert.Empty(storage.Messages.Series("sn-1", "status", 0, 10_000, 100));
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Node_state_keeps_what_a_round_does_not_mention_and_adds_up_losses(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var first = new IngestBatch();
        first.States["sn-1"] = new NodeStateUpdate { Online = true, LastSeenUtcMs = 5_000, StatusJson = "s1", HeartbeatJson = "h1", ReportJson = "r1", Acked = (7, 10), Lost = 2, Duplicates = 1 };
        first.States["sn-2"] = new NodeStateUpdate { LastSeenUtcMs = 4_000 };
        storage.Messages.Commit(first);
        var second = new IngestBatch();
        second.States["sn-1"] = new NodeStateUpdate { LastSeenUtcMs = 4_500, ReportJson = "r2", Lost = 3, Duplicates = 4 };
        second.States["sn-2"] = new NodeStateUpdate { Online = true, LastSeenUtcMs = 6_000, Acked = (1, 3) };
        storage.Messages.Commit(second);

        IReadOnlyList<NodeStateRow> rows = storage.Messages.States();
        Assert.Equal(new NodeStateRow("sn-1", true, 5_000, "s1", "h1", "r2", 5, 5), rows[0]);
        Assert.Equal(new NodeStateRow("sn-2", true, 6_000, null, null, null, 0, 0), rows[1]);
        Assert.Equal(10L, Long(storage.Scalar("SELECT acked_upto FROM node_state WHERE node = 'sn-1'")));
        Assert.Equal(3L, Long(storage.Scalar("SELECT acked_upto FROM node_state WHERE node = 'sn-2'")));

        var offline = new IngestBatch();
        offline.States["sn-1"] = new NodeStateUpdate { Online = false, LastSeenUtcMs = 7_000 };
        storage.Messages.Commit(offline);
        Assert.False(storage.Messages.States()[0].Online);
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Gaps_and_the_last_delivery_state_of_a_round_are_written(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var round = new IngestBatch();
        round.Gaps.Add(("sn-1", 7, 11, 14));
        round.Deliveries.Add(("A-1", 1, "bn-1", "sent", null, 1_000));
        round.Deliveries.Add(("A-1", 1, "bn-1", "played", null, 2_000));
        round.Deliveries.Add(("A-1", 1, "bn-2", "failed", "amplifier fault", 2_500));
        storage.Messages.Commit(round);
        var later = new IngestBatch();
        later.Deliveries.Add(("A-1", 1, "bn-2", "played", null, 3_000));
        storage.Messages.Commit(later);

        Assert.Equal(4L, Long(storage.Scalar("SELECT last_seq - first_seq + 1 FROM message_gaps WHERE node = 'sn-1' AND epoch = 7")));
        Assert.Equal("played", storage.Scalar("SELECT state FROM deliveries WHERE alert = 'A-1' AND node = 'bn-1'"));
        Assert.Equal(2_000L, Long(storage.Scalar("SELECT updated_utc FROM deliveries WHERE alert = 'A-1' AND node = 'bn-1'")));
        Assert.Equal("played", storage.Scalar("SELECT state FROM deliveries WHERE alert = 'A-1' AND node = 'bn-2'"));
        Assert.Equal(DBNull.Value, storage.Scalar("SELECT reason FROM deliveries WHERE alert = 'A-1' AND node = 'bn-2'"));
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_full_round_of_five_thousand_reports_from_a_thousand_nodes_commits_whole(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        const int Nodes = 1000;
        const int Rounds = 5;
        var timings = new List<double>();
        for (int round = 0; round < Rounds; round++)
        {
            var batch = new IngestBatch();
            for (int i = 0; i < 5000; i++)
            {
                string node = "sn-" + (i % Nodes).ToString("D4", CultureInfo.InvariantCulture);
                long seq = (round * 5000 + i) / Nodes;
                batch.Messages.Add(Report(node, seq, 1_000_000 + seq * 1000, """{"depth_mm":12,"battery_mv":3900}"""));
                NodeStateUpdate state = batch.States.TryGetValue(node, out NodeStateUpdate? s) ? s : batch.States[node] = new NodeStateUpdate();
                (state.Online, state.LastSeenUtcMs, state.ReportJson, state.Acked) = (true, 1_000_000 + seq * 1000, "{}", (7, seq));
            }

            var clock = Stopwatch.StartNew();
            storage.Messages.Commit(batch);
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        Assert.Equal(Rounds * 5000L, storage.Messages.Count());
        Assert.Equal(Nodes, storage.Messages.States().Count);
        Assert.Equal(Rounds * 5 - 1L, Long(storage.Scalar("SELECT acked_upto FROM node_state WHERE node = 'sn-0999'")));
        // A figure for the storage notes, not a pass mark: the machines running these tests are shared.
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: commit of 5000 messages + {1} node states: {2}", database, Nodes,
            string.Join(", ", timings.Select(t => t.ToString("F0", CultureInfo.InvariantCulture) + " ms"))));
    }
}
