using Tocsin.Controller.Health;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Health;

/// <summary>
/// A snapshot saves the groups of nodes where some node's health changed other than the time last seen
/// (<see cref="NodeHealthTracker.TakeChanges"/>), and when every node was last seen.
/// </summary>
public sealed class HealthChangeTrackingTests
{
    private readonly FakeClock _clock = new();
    private const int Groups = 64;
    private readonly NodeHealthTracker _tracker = new();

    private static StatusMessage Online(string node) => new(node, true, "broadcast", "0.1.0", "power_on", "ok", 1, "c1");

    private static HeartbeatMessage Heartbeat(string node, int? battMv = null, params string[] faults) =>
        new(node, null, 10, -60, 50000, null, 0, "ok", battMv, faults, new Dictionary<string, double>());

    [Fact]
    public void Nodes_only_seen_again_are_not_changed_but_their_times_last_seen_are_taken()
    {
        _tracker.Observe(Online("bn-2"), _clock.Now);
        _tracker.Observe(Online("bn-1"), _clock.Now);
        HealthChanges first = Taken(_tracker);
        Assert.Equal([(31, "bn-1"), (50, "bn-2")], first.Groups.Select(g => (g.Group, Assert.Single(g.Nodes).NodeId)));

        // Heartbeats with the same faults (none, then one kept) change nothing but the time.
        _tracker.Observe(Heartbeat("bn-1"), _clock.Advance(TimeSpan.FromMinutes(1)));
        _tracker.Observe(Heartbeat("bn-2", null, "amplifier"), _clock.Now);
        Assert.Equal(["bn-2"], Taken(_tracker).NodeIds);
        _tracker.Observe(Heartbeat("bn-1"), _clock.Advance(TimeSpan.FromMinutes(1)));
        _tracker.Observe(Heartbeat("bn-2", null, "amplifier"), _clock.Now);
        HealthChanges quiet = Taken(_tracker);
        Assert.Empty(quiet.Groups);
        Assert.Equal([("bn-2", _clock.Now), ("bn-1", _clock.Now)], quiet.Seen.OrderByDescending(s => s.NodeId));
    }

    [Fact]
    public void A_battery_voltage_a_fault_cleared_and_going_offline_are_changes()
    {
        _tracker.Observe(Online("sn-1"), _clock.Now);
        _tracker.Observe(Heartbeat("sn-1", 3950, "lid"), _clock.Now);
        Taken(_tracker);

        _tracker.Observe(Heartbeat("sn-1", 3940, "lid"), _clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.Equal(3940, Assert.Single(Taken(_tracker).Groups.SelectMany(g => g.Nodes)).BatteryMv);
        _tracker.Observe(Heartbeat("sn-1", 3940), _clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.Empty(Assert.Single(Taken(_tracker).Groups.SelectMany(g => g.Nodes)).Faults);
        _tracker.Evaluate(_clock.Advance(TimeSpan.FromMinutes(5)));
        Assert.Equal(Connectivity.Offline, Assert.Single(Taken(_tracker).Groups.SelectMany(g => g.Nodes)).Connectivity);
        Assert.Empty(Taken(_tracker).Groups);
    }

    [Fact]
    public void Changes_taken_by_a_snapshot_that_was_not_saved_are_taken_again()
    {
        _tracker.Observe(Online("bn-1"), _clock.Now);
        _tracker.Observe(Online("bn-2"), _clock.Now);
        HealthChanges lost = Taken(_tracker);
        _tracker.Reinstate(lost.NodeIds.Append("never-heard"));
        Assert.Equal(["bn-1", "bn-2"], Taken(_tracker).NodeIds);

        NodeHealthTracker restored = NodeHealthTracker.FromSnapshot(_tracker.Export());
        Assert.Empty(Taken(restored).Groups);
        restored.MarkAllChanged();
        Assert.Equal(2, Taken(restored).NodeIds.Count());
    }

    [Fact]
    public void A_battery_reading_waits_for_the_battery_interval_or_another_change_in_its_group()
    {
        _tracker.Observe(Online("sn-1"), _clock.Now);
        _tracker.Observe(Heartbeat("sn-1", 3950), _clock.Now);
        Taken(_tracker);

        _tracker.Observe(Heartbeat("sn-1", 3940), _clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.Empty(_tracker.TakeChanges(Groups, withBattery: false).Groups);
        Assert.Equal(3940, Assert.Single(_tracker.TakeChanges(Groups, withBattery: true).Groups.SelectMany(g => g.Nodes)).BatteryMv);

        // With a fault the whole record goes at once, the new voltage too, and nothing is left after it.
        _tracker.Observe(Heartbeat("sn-1", 3930, "lid"), _clock.Advance(TimeSpan.FromMinutes(1)));
        NodeHealth taken = Assert.Single(_tracker.TakeChanges(Groups, withBattery: false).Groups.SelectMany(g => g.Nodes));
        Assert.Equal((3930, "lid"), (taken.BatteryMv, Assert.Single(taken.Faults)));
        Assert.Empty(_tracker.TakeChanges(Groups, withBattery: true).Groups);
    }

    [Fact]
    public void A_change_takes_every_node_of_its_group()
    {
        _tracker.Observe(Online("bn-1"), _clock.Now);
        _tracker.Observe(Online("bn-2"), _clock.Now);
        _tracker.TakeChanges(1, withBattery: true);
        _tracker.Observe(Heartbeat("bn-2", null, "amplifier"), _clock.Advance(TimeSpan.FromMinutes(1)));
        var (group, nodes) = Assert.Single(_tracker.TakeChanges(1, withBattery: true).Groups);
        Assert.Equal(0, group);
        Assert.Equal(["bn-1", "bn-2"], nodes.Select(n => n.NodeId));
        Assert.Equal(["amplifier"], nodes[1].Faults);
    }

    [Fact]
    public void A_node_is_in_the_same_group_in_every_process()
    {
        // FNV-1a of the id's characters; a string's own hash code differs from process to process.
        Assert.Equal((31, 50, 14, 8), (HealthShard.Of("bn-1", 64), HealthShard.Of("bn-2", 64), HealthShard.Of("sn-1", 64), HealthShard.Of("bn-kaiyuan-01-1", 64)));
        Assert.Equal(0, HealthShard.Of("bn-1", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthShard.Of("bn-1", 0));
    }

    private static HealthChanges Taken(NodeHealthTracker tracker) => tracker.TakeChanges(Groups, withBattery: true);
}
