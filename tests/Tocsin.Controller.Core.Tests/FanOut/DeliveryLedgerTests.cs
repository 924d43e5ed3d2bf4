using System.Text.Json;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.FanOut;

public sealed class DeliveryLedgerTests
{
    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(30);
    private readonly FakeClock _clock = new();
    private readonly DeliveryLedger _ledger = new();
    private readonly FanOutPlan _plan;
    private long _nodeSeq;

    public DeliveryLedgerTests()
    {
        Alert alert = TestData.Ok(TestData.Create(TestData.Draft(target: AlertTarget.ForStreets("s1"), validFor: TimeSpan.FromMinutes(10))).Dispatch(TestData.Operator, _clock.Now));
        var nodes = new[] { TestData.Speaker("bn-a", "c1", 100), TestData.Speaker("bn-b", "c1", 100), TestData.Speaker("bn-c", "c2", 100) }
            .Select(n => new KeyedNode(n, TestData.KeyFor(n.Id)));
        _plan = new FanOutPlanner(new FakeCommandSequence()).PlanBroadcast(alert, nodes, _clock.Now);
        _ledger.Track(_plan, _clock.Now);
    }

    private string Cmd => _plan.Command.CommandId;

    private NodeDelivery? Result(string node, string state, string? reason = null, long? seq = null) =>
        _ledger.Record(new ResultMessage(node, new OutboxHeader(1, 1, seq ?? ++_nodeSeq, _clock.NowMs, 1), Cmd, _plan.Command.Seq, "broadcast", state, reason), _clock.Now);

    [Fact]
    public void Every_addressed_node_starts_pending_with_one_send()
    {
        Assert.All(_ledger.Deliveries(Cmd), d => Assert.Equal((DeliveryState.Pending, 1), (d.State, d.SendCount)));
        Assert.Equal(["bn-a", "bn-b", "bn-c"], _ledger.Deliveries(Cmd).Select(d => d.NodeId));
    }

    [Fact]
    public void Results_set_the_latest_state_with_timestamps_and_keep_the_history()
    {
        Result("bn-a", "received");
        _clock.Advance(TimeSpan.FromSeconds(2));
        Result("bn-a", "playing");
        _clock.Advance(TimeSpan.FromSeconds(40));
        NodeDelivery d = Result("bn-a", "succeeded")!;
        Assert.Equal(DeliveryState.Succeeded, d.State);
        Assert.Equal([DeliveryState.Received, DeliveryState.Playing, DeliveryState.Succeeded], d.History.Select(h => h.State));
        Assert.Equal(FakeClock.Start.AddSeconds(2), d.History[1].ReceivedAt);
        Assert.True(d.ReachedBy(FakeClock.Start.AddSeconds(2)));
        Assert.False(d.ReachedBy(FakeClock.Start.AddSeconds(1)));
    }

    [Fact]
    public void Playing_then_a_dead_amplifier_or_relay_is_not_reached_but_other_failures_after_playing_are()
    {
        Result("bn-a", "playing");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Result("bn-a", "failed", "amplifier_fault");
        Result("bn-b", "playing");
        Result("bn-b", "failed", "relay_fault");
        Result("bn-c", "playing");
        Result("bn-c", "failed", "clip_missing");
        Assert.False(_ledger.Get(Cmd, "bn-a")!.ReachedBy(_clock.Now));
        Assert.True(_ledger.Get(Cmd, "bn-a")!.ReachedBy(FakeClock.Start));
        Assert.False(_ledger.Get(Cmd, "bn-b")!.ReachedBy(_clock.Now));
        Assert.True(_ledger.Get(Cmd, "bn-c")!.ReachedBy(_clock.Now));
    }

    [Fact]
    public void A_failure_keeps_its_reason()
    {
        NodeDelivery d = Result("bn-b", "failed", "no_load_current")!;
        Assert.Equal((DeliveryState.Failed, "no_load_current"), (d.State, d.Reason));
        Assert.Equal((DeliveryState.Rejected, "no_trusted_time"), (Result("bn-c", "rejected", "no_trusted_time")!.State, _ledger.Get(Cmd, "bn-c")!.Reason));
    }

    [Fact]
    public void Results_out_of_order_or_redelivered_never_move_a_delivery_backwards()
    {
        Result("bn-a", "succeeded", seq: 12);
        NodeDelivery d = Result("bn-a", "playing", seq: 11)!;
        Assert.Equal(DeliveryState.Succeeded, d.State);
        Assert.Equal([DeliveryState.Playing, DeliveryState.Succeeded], d.History.Select(h => h.State));
        Assert.Equal(2, Result("bn-a", "succeeded", seq: 12)!.History.Count);
    }

    [Fact]
    public void The_version_moves_with_every_change_and_only_then()
    {
        long tracked = _ledger.Version;
        Assert.True(tracked > 0);
        Assert.Equal(0, DeliveryLedger.FromSnapshot(_ledger.Export()).Version);

        _ = _ledger.DueForResend(_clock.Now.AddMinutes(1), Resend);
        _ = _ledger.Deliveries(Cmd);
        Assert.Null(_ledger.Record(new ResultMessage("bn-z", new OutboxHeader(1, 1, 1, null, null), Cmd, 1, "broadcast", "received", null), _clock.Now));
        Assert.Equal(tracked, _ledger.Version);

        Result("bn-a", "received", seq: 5);
        long recorded = _ledger.Version;
        Assert.True(recorded > tracked);
        Result("bn-a", "received", seq: 5);
        Assert.Equal(recorded, _ledger.Version);

        _ledger.MarkSent(Cmd, "bn-b", _clock.Now);
        Assert.True(_ledger.Version > recorded);
        long sent = _ledger.Version;
        _ledger.Retire(Cmd);
        Assert.True(_ledger.Version > sent);
        long retired = _ledger.Version;
        _ledger.Forget(Cmd);
        Assert.True(_ledger.Version > retired);
    }

    [Fact]
    public void An_alerts_version_moves_with_its_own_commands_and_deliveries_and_not_with_another_alerts()
    {
        string mine = _plan.Command.AlertId;
        Alert other = TestData.Ok(TestData.Create(TestData.Draft(target: AlertTarget.ForStreets("s1"), id: "a-20261129-0008", validFor: TimeSpan.FromMinutes(10))).Dispatch(TestData.Operator, _clock.Now));
        Assert.NotEqual(mine, other.Id);
        FanOutPlan otherPlan = new FanOutPlanner(new FakeCommandSequence()).PlanBroadcast(other, [new KeyedNode(TestData.Speaker("bn-a", "c1", 100), TestData.KeyFor("bn-a"))], _clock.Now);
        long tracked = _ledger.VersionOf(mine);
        Assert.True(tracked > 0);
        Assert.Equal(0, _ledger.VersionOf(other.Id));

        _ledger.Track(otherPlan, _clock.Now);
        _ledger.MarkSent(otherPlan.Command.CommandId, "bn-a", _clock.Now);
        Assert.True(_ledger.VersionOf(other.Id) > 0);
        Assert.Equal(tracked, _ledger.VersionOf(mine));

        long step = tracked;
        foreach (Action change in new Action[]
        {
            () => Result("bn-a", "received"),
            () => _ledger.MarkSent(Cmd, "bn-b", _clock.Now),
            () => _ledger.Retire(Cmd),
            () => _ledger.Forget(Cmd),
        })
        {
            long otherBefore = _ledger.VersionOf(other.Id);
            change();
            Assert.True(_ledger.VersionOf(mine) > step);
            Assert.Equal(otherBefore, _ledger.VersionOf(other.Id));
            step = _ledger.VersionOf(mine);
        }
    }

    [Fact]
    public void Results_for_unknown_commands_or_nodes_are_not_recorded()
    {
        Assert.Null(_ledger.Record(new ResultMessage("bn-z", new OutboxHeader(1, 1, 1, null, null), Cmd, 1, "broadcast", "received", null), _clock.Now));
        Assert.Null(_ledger.Record(new ResultMessage("bn-a", new OutboxHeader(1, 1, 1, null, null), "other", 1, "broadcast", "received", null), _clock.Now));
        Assert.Null(_ledger.Record(new ResultMessage("bn-a", new OutboxHeader(1, 1, 1, null, null), Cmd, 1, "broadcast", "exploded", null), _clock.Now));
    }

    [Fact]
    public void Nodes_with_no_result_are_resent_once_the_interval_has_passed()
    {
        Result("bn-a", "received");
        Assert.Empty(_ledger.DueForResend(_clock.Advance(TimeSpan.FromSeconds(29)), Resend));
        var due = _ledger.DueForResend(_clock.Advance(TimeSpan.FromSeconds(1)), Resend);
        Assert.Equal(["bn-b", "bn-c"], due.Select(d => d.NodeId));
        _ledger.MarkSent(Cmd, "bn-b", _clock.Now);
        Assert.Equal(["bn-c"], _ledger.DueForResend(_clock.Now, Resend).Select(d => d.NodeId));
        Assert.Equal(2, _ledger.Get(Cmd, "bn-b")!.SendCount);
    }

    [Fact]
    public void A_wall_clock_set_back_by_more_than_an_interval_brings_the_resend_at_once_instead_of_when_it_catches_up()
    {
        Result("bn-a", "received");
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(_ledger.DueForResend(_clock.Now, Resend));

        // Set back 2 s, as a clock correction usually is: the resends wait 2 s longer, no more.
        Assert.Empty(_ledger.DueForResend(_clock.Advance(TimeSpan.FromSeconds(-2)), Resend));
        Assert.Empty(_ledger.DueForResend(_clock.Advance(TimeSpan.FromSeconds(21)), Resend));
        Assert.Equal(2, _ledger.DueForResend(_clock.Advance(TimeSpan.FromSeconds(1)), Resend).Count);

        // Set back a minute: the sends now look 30 s in the future, a whole interval.
        var due = _ledger.DueForResend(_clock.Advance(TimeSpan.FromMinutes(-1)), Resend);
        Assert.Equal(["bn-b", "bn-c"], due.Select(d => d.NodeId));

        // Once resent at the new time, the interval counts from there.
        _ledger.MarkSent(Cmd, "bn-b", _clock.Now);
        _ledger.MarkSent(Cmd, "bn-c", _clock.Now);
        Assert.Empty(_ledger.DueForResend(_clock.Advance(TimeSpan.FromSeconds(29)), Resend));
        Assert.Equal(2, _ledger.DueForResend(_clock.Advance(TimeSpan.FromSeconds(1)), Resend).Count);
    }

    [Fact]
    public void Resends_stop_when_the_command_expires_or_is_retired()
    {
        Assert.Equal(3, _ledger.DueForResend(_clock.Advance(TimeSpan.FromMinutes(9)), Resend).Count);
        Assert.Empty(_ledger.DueForResend(_clock.Advance(TimeSpan.FromMinutes(1)), Resend));

        var other = new DeliveryLedger();
        other.Track(_plan, FakeClock.Start);
        other.Retire(Cmd);
        Assert.Empty(other.DueForResend(FakeClock.Start.AddMinutes(1), Resend));
    }

    [Fact]
    public void Tracking_a_cancel_stops_resends_of_the_broadcast_it_cancels_and_resends_the_cancel_instead()
    {
        Alert alert = TestData.Ok(TestData.Create(TestData.Draft(target: AlertTarget.ForStreets("s1"), validFor: TimeSpan.FromMinutes(10))).Dispatch(TestData.Operator, FakeClock.Start));
        AlertTransition cancelled = alert.Cancel(TestData.Operator, _clock.Now);
        var nodes = new[] { TestData.Speaker("bn-a", "c1", 100) }.Select(n => new KeyedNode(n, TestData.KeyFor(n.Id)));
        FanOutPlan cancel = Assert.Single(new FanOutPlanner(new FakeCommandSequence()).PlanEffect(cancelled.Alert!, cancelled.Effect, nodes, _clock.Now));
        _ledger.Track(cancel, _clock.Now);
        var due = _ledger.DueForResend(_clock.Advance(TimeSpan.FromMinutes(1)), Resend);
        Assert.Equal([cancel.Command.CommandId], due.Select(d => d.CommandId));
        Assert.Equal(DeliveryState.Done, _ledger.Record(new ResultMessage("bn-a", new OutboxHeader(1, 1, 99, null, null), cancel.Command.CommandId, cancel.Command.Seq, "cancel", "done", null), _clock.Now)!.State);
        Assert.Empty(_ledger.DueForResend(_clock.Advance(TimeSpan.FromMinutes(1)), Resend));
    }

    [Fact]
    public void A_node_that_reconnects_is_owed_commands_it_never_answered_while_still_valid()
    {
        Result("bn-a", "received");
        Assert.Empty(_ledger.OwedTo("bn-a", _clock.Now));
        Assert.Equal([Cmd], _ledger.OwedTo("bn-b", _clock.Advance(TimeSpan.FromMinutes(5))).Select(d => d.CommandId));
        Assert.Empty(_ledger.OwedTo("bn-b", _clock.Advance(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void Silent_nodes_by_a_deadline_are_those_that_reported_nothing_by_then()
    {
        Result("bn-a", "playing");
        DateTimeOffset deadline = _clock.Advance(TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Result("bn-b", "playing");
        Assert.Equal(["bn-b", "bn-c"], _ledger.SilentBy(Cmd, deadline).Select(d => d.NodeId));
    }

    [Fact]
    public void The_ledger_survives_a_restart_through_a_json_snapshot()
    {
        Result("bn-a", "succeeded");
        _ledger.Retire("x");
        string json = JsonSerializer.Serialize(_ledger.Export());
        DeliveryLedger back = DeliveryLedger.FromSnapshot(JsonSerializer.Deserialize<DeliveryLedgerSnapshot>(json)!);
        Assert.Equal(DeliveryState.Succeeded, back.Get(Cmd, "bn-a")!.State);
        Assert.Equal(_plan.Command.CommandBytes, back.FindCommand(Cmd)!.CommandBytes);
        Assert.Equal(2, back.DueForResend(_clock.Advance(TimeSpan.FromMinutes(1)), Resend).Count);
    }

    [Fact]
    public void A_retired_command_stays_retired_across_a_restart_and_a_forgotten_one_leaves_no_deliveries()
    {
        _ledger.Retire(Cmd);
        DeliveryLedger back = DeliveryLedger.FromSnapshot(JsonSerializer.Deserialize<DeliveryLedgerSnapshot>(JsonSerializer.Serialize(_ledger.Export()))!);
        Assert.Empty(back.DueForResend(_clock.Advance(TimeSpan.FromMinutes(1)), Resend));
        Assert.Equal(3, back.Deliveries(Cmd).Count);

        back.Forget(Cmd);
        Assert.Empty(back.Deliveries(Cmd));
        Assert.Empty(back.DeliveriesOfAlert(_plan.Command.AlertId));
        Assert.Empty(back.OwedTo("bn-a", _clock.Now));
        Assert.Null(back.Get(Cmd, "bn-a"));
    }

    [Fact]
    public void Changes_name_the_commands_that_changed_once_and_a_restored_ledger_starts_with_none()
    {
        Assert.Equal([Cmd], _ledger.TakeChanges().Changed);
        Assert.Empty(_ledger.TakeChanges().Changed);

        Result("bn-a", "received");
        _ledger.MarkSent(Cmd, "bn-b", _clock.Now);
        DeliveryLedgerChanges changes = _ledger.TakeChanges();
        Assert.Equal([Cmd], changes.Changed);
        Assert.Empty(changes.Forgotten);

        Result("bn-a", "received", seq: _nodeSeq);
        _ledger.Retire("not-tracked");
        Assert.Empty(_ledger.TakeChanges().Changed);

        DeliveryLedger back = DeliveryLedger.FromSnapshots([_ledger.ExportCommand(Cmd)!]);
        Assert.Empty(back.TakeChanges().Changed);
        back.MarkAllChanged();
        Assert.Equal([Cmd], back.TakeChanges().Changed);
    }

    [Fact]
    public void One_commands_export_restores_its_deliveries_history_and_retirement()
    {
        Result("bn-a", "playing");
        _ledger.Retire(Cmd);
        DeliveryLedgerSnapshot one = JsonSerializer.Deserialize<DeliveryLedgerSnapshot>(JsonSerializer.Serialize(_ledger.ExportCommand(Cmd)))!;
        DeliveryLedger back = DeliveryLedger.FromSnapshots([one]);
        Assert.Equal(_ledger.DeliveriesOfAlert(_plan.Command.AlertId).Select(d => (d.NodeId, d.State, d.History.Count)),
            back.DeliveriesOfAlert(_plan.Command.AlertId).Select(d => (d.NodeId, d.State, d.History.Count)));
        Assert.Empty(back.DueForResend(_clock.Advance(TimeSpan.FromMinutes(1)), Resend));
        Assert.Null(_ledger.ExportCommand("no-such-command"));
    }

    [Fact]
    public void A_forgotten_command_is_reported_once_and_changes_handed_back_after_a_failed_save_are_taken_again()
    {
        _ledger.TakeChanges();
        Result("bn-c", "received");
        DeliveryLedgerChanges failed = _ledger.TakeChanges();
        _ledger.Reinstate(failed);
        Assert.Equal([Cmd], _ledger.TakeChanges().Changed);

        _ledger.Forget(Cmd);
        DeliveryLedgerChanges forgotten = _ledger.TakeChanges();
        Assert.Empty(forgotten.Changed);
        Assert.Equal([Cmd], forgotten.Forgotten);
        _ledger.Reinstate(forgotten);
        Assert.Equal([Cmd], _ledger.TakeChanges().Forgotten);
        Assert.Empty(_ledger.TakeChanges().Forgotten);
    }

    [Fact]
    public void Commands_expired_by_a_time_are_listed_oldest_first()
    {
        Assert.Empty(_ledger.ExpiredBy(_clock.Now));
        DateTimeOffset expiry = DateTimeOffset.FromUnixTimeMilliseconds(_plan.Command.ExpiresUtcMs);
        Assert.Empty(_ledger.ExpiredBy(expiry.AddMilliseconds(-1)));
        Assert.Equal([Cmd], _ledger.ExpiredBy(expiry).Select(c => c.CommandId));
    }
}
