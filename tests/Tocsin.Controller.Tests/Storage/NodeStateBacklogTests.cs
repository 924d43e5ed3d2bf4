using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

/// <summary>Routine node-state updates wait up to an interval; the rest go out with their round, never out of order.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NodeStateBacklogTests(PostgresServer server)
{
    private static IngestBatch Round(params (string Node, NodeStateUpdate Update)[] states)
    {
        var round = new IngestBatch();
        foreach (var (node, update) in states)
        {
            round.States[node] = update;
        }

        return round;
    }

    [Fact]
    public void A_heartbeat_set_from_its_bytes_reads_as_its_text_and_the_latest_one_wins_a_merge()
    {
        byte[] older = "{\"hb\":\"鲤城 1\"}"u8.ToArray();
        byte[] newer = "{\"hb\":\"鲤城 2\"}"u8.ToArray();
        var held = new NodeStateUpdate { LastSeenUtcMs = 1_000 };
        held.SetHeartbeat(older);
        var later = new NodeStateUpdate { LastSeenUtcMs = 2_000 };
        later.SetHeartbeat(newer);
        held.Absorb(later);
        held.Absorb(new NodeStateUpdate { LastSeenUtcMs = 3_000, ReportJson = "r" });

        Assert.Equal("{\"hb\":\"鲤城 2\"}", held.HeartbeatJson);
        Assert.Equal("{\"hb\":\"鲤城 2\"}", later.HeartbeatJson);

        // Text set afterwards replaces the bytes, and bytes set afterwards replace the text.
        held.HeartbeatJson = "h3";
        Assert.Equal("h3", held.HeartbeatJson);
        held.SetHeartbeat(older);
        Assert.Equal("{\"hb\":\"鲤城 1\"}", held.HeartbeatJson);
        var none = new NodeStateUpdate();
        none.Absorb(new NodeStateUpdate { LastSeenUtcMs = 1 });
        Assert.Null(none.HeartbeatJson);
    }

    [Fact]
    public void A_report_set_from_its_bytes_reads_as_its_text_and_the_latest_one_wins_a_merge()
    {
        var held = new NodeStateUpdate { LastSeenUtcMs = 1_000 };
        held.SetReport("{\"depth\":{\"mm\":1}}"u8.ToArray());
        var later = new NodeStateUpdate { LastSeenUtcMs = 2_000 };
        later.SetReport("{\"note\":\"水浸 2\"}"u8.ToArray());
        held.Absorb(later);
        held.Absorb(new NodeStateUpdate { LastSeenUtcMs = 3_000, HeartbeatJson = "h" });

        Assert.Equal("{\"note\":\"水浸 2\"}", held.ReportJson);
        Assert.Equal("h", held.HeartbeatJson);
        held.ReportJson = "r3";
        Assert.Equal("r3", held.ReportJson);
        var none = new NodeStateUpdate();
        none.Absorb(new NodeStateUpdate { LastSeenUtcMs = 1 });
        Assert.Null(none.ReportJson);
    }

    [Fact]
    public void Heartbeats_and_reports_are_held_and_merged_per_node()
    {
        var backlog = new NodeStateBacklog();
        IngestBatch first = Round(("bn-1", new NodeStateUpdate { Online = true, LastSeenUtcMs = 1_000, HeartbeatJson = "h1" }),
            ("sn-1", new NodeStateUpdate { LastSeenUtcMs = 1_100, ReportJson = "r1", Acked = (3, 10) }));
        backlog.Hold(first, 0);
        IngestBatch second = Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 2_000, ReportJson = "r2", Acked = (3, 11) }));
        backlog.Hold(second, 0);

        Assert.Empty(first.States);
        Assert.Empty(second.States);
        Assert.Equal(2, backlog.Count);
        IngestBatch drained = backlog.Drain();
        Assert.Equal(0, backlog.Count);
        NodeStateUpdate sensor = drained.States["sn-1"];
        Assert.Equal((2_000L, "r2", (3L, 11L)), (sensor.LastSeenUtcMs, sensor.ReportJson, sensor.Acked!.Value));
        Assert.Equal("h1", drained.States["bn-1"].HeartbeatJson);
        Assert.Empty(backlog.Drain().States);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("offline")]
    [InlineData("lost")]
    [InlineData("duplicate")]
    public void An_update_that_matters_goes_out_at_once_carrying_what_was_held(string kind)
    {
        var backlog = new NodeStateBacklog();
        backlog.Hold(Round(("sn-1", new NodeStateUpdate { Online = true, LastSeenUtcMs = 1_000, HeartbeatJson = "h1", Acked = (3, 10) })), 0);
        NodeStateUpdate update = kind switch
        {
            "status" => new NodeStateUpdate { Online = true, LastSeenUtcMs = 2_000, StatusJson = "s2" },
            "offline" => new NodeStateUpdate { Online = false, LastSeenUtcMs = 2_000 },
            "lost" => new NodeStateUpdate { LastSeenUtcMs = 2_000, Lost = 2 },
            _ => new NodeStateUpdate { LastSeenUtcMs = 2_000, Duplicates = 1 },
        };
        IngestBatch round = Round(("sn-1", update), ("sn-2", new NodeStateUpdate { LastSeenUtcMs = 2_100, HeartbeatJson = "h9" }));
        backlog.Hold(round, 0);

        NodeStateUpdate written = Assert.Single(round.States).Value;
        Assert.Equal(2_000, written.LastSeenUtcMs);
        Assert.Equal("h1", written.HeartbeatJson);
        Assert.Equal((3L, 10L), written.Acked);
        Assert.Equal(kind == "offline" ? false : true, written.Online);
        Assert.Equal(kind == "lost" ? 2 : 0, written.Lost);
        Assert.Equal(kind == "duplicate" ? 1 : 0, written.Duplicates);
        Assert.Equal(kind == "status" ? "s2" : null, written.StatusJson);
        Assert.Equal(["sn-2"], backlog.Drain().States.Keys);
    }

    [Fact]
    public void Absorbing_keeps_the_latest_time_and_adds_counts()
    {
        var older = new NodeStateUpdate { Online = true, LastSeenUtcMs = 5_000, StatusJson = "s1", ReportJson = "r1", Lost = 1, Duplicates = 2 };
        older.Absorb(new NodeStateUpdate { LastSeenUtcMs = 4_000, HeartbeatJson = "h2", Lost = 3, Duplicates = 1 });

        Assert.Equal((true, 5_000L, "s1", "h2", "r1", 4L, 3L),
            (older.Online!.Value, older.LastSeenUtcMs, older.StatusJson, older.HeartbeatJson, older.ReportJson, older.Lost, older.Duplicates));
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Rows_written_through_the_backlog_end_as_rows_written_at_once(string database)
    {
        IngestBatch[] Rounds() =>
        [
            Round(("sn-1", new NodeStateUpdate { Online = true, LastSeenUtcMs = 1_000, StatusJson = "s1" })),
            Round(("sn-1", new NodeStateUpdate { Online = true, LastSeenUtcMs = 2_000, HeartbeatJson = "h1" }), ("bn-1", new NodeStateUpdate { Online = true, LastSeenUtcMs = 2_000, HeartbeatJson = "hb" })),
            Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 3_000, ReportJson = "r1", Acked = (1, 5) })),
            Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 4_000, ReportJson = "r2", Lost = 2, Acked = (1, 8) })),
            Round(("sn-1", new NodeStateUpdate { Online = true, LastSeenUtcMs = 5_000, HeartbeatJson = "h2" }), ("bn-1", new NodeStateUpdate { Online = false, LastSeenUtcMs = 5_000 })),
        ];

        using StorageUnderTest direct = await StorageUnderTest.CreateAsync(database, server);
        foreach (IngestBatch round in Rounds())
        {
            direct.Messages.Commit(round);
        }

        using StorageUnderTest held = await StorageUnderTest.CreateAsync(database, server);
        var backlog = new NodeStateBacklog();
        var afterRound = new List<IReadOnlyList<NodeStateRow>>();
        foreach (IngestBatch round in Rounds())
        {
            backlog.Hold(round, 0);
            held.Messages.Commit(round);
            afterRound.Add(held.Messages.States());
        }

        // What matters is there after its own round: the status at once, the loss with what was held.
        Assert.Equal(new NodeStateRow("sn-1", true, 1_000, "s1", null, null, 0, 0), Assert.Single(afterRound[0]));
        Assert.Equal(afterRound[0], afterRound[2]);
        Assert.Equal(new NodeStateRow("sn-1", true, 4_000, "s1", "h1", "r2", 2, 0), afterRound[3].Single(r => r.Node == "sn-1"));
        Assert.Equal(new NodeStateRow("bn-1", false, 5_000, null, "hb", null, 0, 0), afterRound[4].Single(r => r.Node == "bn-1"));
        Assert.NotEqual(direct.Messages.States(), held.Messages.States());
        held.Messages.Commit(backlog.Drain());
        Assert.Equal(direct.Messages.States(), held.Messages.States());
    }

    [Fact]
    public void A_batch_whose_commit_failed_is_held_again_under_what_came_after()
    {
        var backlog = new NodeStateBacklog();
        IngestBatch failed = Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 1_000, ReportJson = "r1", Lost = 2 }));
        backlog.Hold(failed, 0);
        backlog.Hold(Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 2_000, ReportJson = "r2" })), 0);
        backlog.Restore(failed);

        NodeStateUpdate kept = Assert.Single(backlog.Drain().States).Value;
        Assert.Equal((2_000L, "r2", 2L), (kept.LastSeenUtcMs, kept.ReportJson, kept.Lost));
    }

    [Fact]
    public void Held_updates_come_out_once_held_for_the_interval_oldest_first()
    {
        var backlog = new NodeStateBacklog();
        backlog.Hold(Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 1_000, ReportJson = "r1" })), 1_000);
        backlog.Hold(Round(("sn-2", new NodeStateUpdate { LastSeenUtcMs = 2_000, ReportJson = "a1" })), 2_000);
        // A later update for a held node merges into it and keeps its place.
        backlog.Hold(Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 2_500, ReportJson = "r2" })), 2_500);
        backlog.Hold(Round(("sn-3", new NodeStateUpdate { LastSeenUtcMs = 3_000, ReportJson = "b1" })), 3_000);

        var early = new IngestBatch();
        Assert.Equal(0, backlog.TakeDue(early, 999));
        Assert.Empty(early.States);

        var first = new IngestBatch();
        Assert.Equal(2, backlog.TakeDue(first, 2_000));
        Assert.Equal(["sn-1", "sn-2"], first.States.Keys);
        Assert.Equal("r2", first.States["sn-1"].ReportJson);
        Assert.Equal(1, backlog.Count);

        // Once written, a node is held afresh from its next update.
        backlog.Hold(Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 4_000, ReportJson = "r3" })), 4_000);
        var second = new IngestBatch();
        Assert.Equal(1, backlog.TakeDue(second, 3_999));
        Assert.Equal(["sn-3"], second.States.Keys);
        var third = new IngestBatch();
        Assert.Equal(1, backlog.TakeDue(third, 4_000));
        Assert.Equal("r3", third.States["sn-1"].ReportJson);
        Assert.Equal(0, backlog.Count);
    }

    [Fact]
    public void A_node_written_with_its_round_is_not_released_again_from_its_old_place()
    {
        var backlog = new NodeStateBacklog();
        backlog.Hold(Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 1_000, ReportJson = "r1" })), 1_000);
        IngestBatch mattering = Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 2_000, Lost = 1 }));
        backlog.Hold(mattering, 2_000);
        Assert.Equal("r1", Assert.Single(mattering.States).Value.ReportJson);

        // Held again later: it comes out at its new time, not at the old entry's.
        backlog.Hold(Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 3_000, ReportJson = "r2" })), 3_000);
        var atOldTime = new IngestBatch();
        Assert.Equal(0, backlog.TakeDue(atOldTime, 2_500));
        Assert.Equal(1, backlog.Count);
        var atNewTime = new IngestBatch();
        Assert.Equal(1, backlog.TakeDue(atNewTime, 3_000));
        Assert.Equal(("r2", 0L), (atNewTime.States["sn-1"].ReportJson, atNewTime.States["sn-1"].Lost));
    }

    [Fact]
    public void A_batch_whose_commit_failed_is_due_at_once_and_drained_backlogs_release_nothing_stale()
    {
        var backlog = new NodeStateBacklog();
        backlog.Hold(Round(("sn-1", new NodeStateUpdate { LastSeenUtcMs = 1_000, ReportJson = "r1" })), 1_000);
        backlog.Hold(Round(("sn-2", new NodeStateUpdate { LastSeenUtcMs = 9_000, ReportJson = "a1" })), 9_000);
        var failed = new IngestBatch();
        Assert.Equal(1, backlog.TakeDue(failed, 1_000));
        backlog.Restore(failed);

        // Restored: out at the next call whatever the time, ahead of the rest; sn-2 is not yet due.
        var next = new IngestBatch();
        Assert.Equal(1, backlog.TakeDue(next, 0));
        Assert.Equal(["sn-1"], next.States.Keys);

        Assert.Equal(["sn-2"], backlog.Drain().States.Keys);
        var afterDrain = new IngestBatch();
        Assert.Equal(0, backlog.TakeDue(afterDrain, long.MaxValue));
        backlog.Hold(Round(("sn-2", new NodeStateUpdate { LastSeenUtcMs = 10_000, ReportJson = "a2" })), 10_000);
        var again = new IngestBatch();
        Assert.Equal(1, backlog.TakeDue(again, 10_000));
        Assert.Equal("a2", again.States["sn-2"].ReportJson);
    }
}
