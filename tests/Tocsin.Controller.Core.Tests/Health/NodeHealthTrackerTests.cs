using Tocsin.Controller.Health;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Health;

public sealed class NodeHealthTrackerTests
{
    private readonly FakeClock _clock = new();
    private readonly NodeHealthTracker _tracker = new();
    private long _seq;

    private static StatusMessage Online(string node) => new(node, true, "broadcast", "0.1.0", "power_on", "ok", 1, "c1");

    private static HeartbeatMessage Heartbeat(string node, int? battMv = null, params string[] faults) =>
        new(node, null, 10, -60, 50000, null, 0, "ok", battMv, faults, new Dictionary<string, double>());

    private EventMessage Fault(string node, string fault, bool active) =>
        new(node, new OutboxHeader(1, 1, ++_seq, null, null), EventTypes.Fault, null, null, fault, active, new Dictionary<string, double>());

    [Fact]
    public void A_node_is_online_from_its_status_and_records_when_it_was_last_seen()
    {
        HealthChange c = Assert.Single(_tracker.Observe(Online("bn-1"), _clock.Now));
        Assert.Equal(new HealthChange("bn-1", HealthChangeKind.CameOnline, "online", _clock.Now), c);
        NodeHealth h = _tracker.Get("bn-1")!;
        Assert.Equal((Connectivity.Online, _clock.Now, "0.1.0"), (h.Connectivity, h.LastSeen!.Value, h.Firmware));
        Assert.True(h.IsHealthy);
    }

    [Fact]
    public void The_last_will_takes_a_node_offline_at_once()
    {
        _tracker.Observe(Online("bn-1"), _clock.Now);
        HealthChange c = Assert.Single(_tracker.Observe(new StatusMessage("bn-1", false, "broadcast", null, null, null, null, null), _clock.Advance(TimeSpan.FromSeconds(5))));
        Assert.Equal(HealthChangeKind.WentOffline, c.Kind);
        Assert.Equal((Connectivity.Offline, OfflineCause.Status), (_tracker.Get("bn-1")!.Connectivity, _tracker.Get("bn-1")!.OfflineCause));
    }

    [Fact]
    public void A_node_goes_offline_after_three_heartbeat_periods_without_any_message()
    {
        _tracker.Observe(Online("bn-1"), _clock.Now);
        _tracker.Observe(Heartbeat("bn-1"), _clock.Advance(TimeSpan.FromSeconds(60)));
        Assert.Empty(_tracker.Evaluate(_clock.Advance(TimeSpan.FromSeconds(179))));
        HealthChange c = Assert.Single(_tracker.Evaluate(_clock.Advance(TimeSpan.FromSeconds(1))));
        Assert.Equal(("bn-1", HealthChangeKind.WentOffline, "missed heartbeats"), (c.NodeId, c.Kind, c.Detail));
        Assert.Equal(OfflineCause.MissedHeartbeats, _tracker.Get("bn-1")!.OfflineCause);
        Assert.Empty(_tracker.Evaluate(_clock.Advance(TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public void A_wall_clock_set_back_moves_last_seen_with_it_so_a_silent_node_goes_offline_on_time()
    {
        _tracker.Observe(Online("bn-1"), _clock.Now);
        _tracker.Observe(Heartbeat("bn-1"), _clock.Advance(TimeSpan.FromSeconds(60)));
        _tracker.Observe(Online("bn-2"), _clock.Now);
        _tracker.Observe(new StatusMessage("bn-2", false, "broadcast", null, null, null, null, null), _clock.Now);
        DateTimeOffset offlineSeen = _tracker.Get("bn-2")!.LastSeen!.Value;
        Assert.Empty(_tracker.Evaluate(_clock.Advance(TimeSpan.FromSeconds(1))));

        // An hour back, then silence: bn-1 was seen a second before, and still is; offline 180 s after
        // that, not an hour later. The node already offline keeps its time.
        DateTimeOffset back = _clock.Advance(TimeSpan.FromHours(-1));
        Assert.Empty(_tracker.Evaluate(back));
        Assert.Equal(back - TimeSpan.FromSeconds(1), _tracker.Get("bn-1")!.LastSeen);
        Assert.Equal(offlineSeen, _tracker.Get("bn-2")!.LastSeen);
        Assert.Empty(_tracker.Evaluate(_clock.Advance(TimeSpan.FromSeconds(178))));
        HealthChange c = Assert.Single(_tracker.Evaluate(_clock.Advance(TimeSpan.FromSeconds(1))));
        Assert.Equal(("bn-1", HealthChangeKind.WentOffline), (c.NodeId, c.Kind));
    }

    [Fact]
    public void A_wall_clock_set_back_while_the_controller_was_stopped_is_allowed_for_after_a_restore()
    {
        _tracker.Observe(Online("bn-1"), _clock.Now);
        _tracker.Observe(Heartbeat("bn-1"), _clock.Advance(TimeSpan.FromSeconds(60)));
        NodeHealthTracker restored = NodeHealthTracker.FromSnapshot(_tracker.Export());

        // Restarted with the clock an hour back, the node silent since its heartbeat.
        DateTimeOffset back = _clock.Advance(TimeSpan.FromHours(-1));
        Assert.Empty(restored.Evaluate(back));
        Assert.Empty(restored.Evaluate(_clock.Advance(TimeSpan.FromSeconds(179))));
        Assert.Equal(HealthChangeKind.WentOffline, Assert.Single(restored.Evaluate(_clock.Advance(TimeSpan.FromSeconds(1)))).Kind);
    }

    [Fact]
    public void The_configured_heartbeat_period_sets_the_offline_threshold()
    {
        _tracker.SetHeartbeatPeriod("bn-1", TimeSpan.FromMinutes(2));
        _tracker.Observe(Heartbeat("bn-1"), _clock.Now);
        Assert.Empty(_tracker.Evaluate(_clock.Advance(TimeSpan.FromMinutes(5))));
        Assert.Single(_tracker.Evaluate(_clock.Advance(TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void A_heartbeat_that_states_its_period_sets_the_offline_threshold()
    {
        _tracker.Observe(new HeartbeatMessage("bn-1", null, 10, -60, 50000, null, 0, "ok", null, [], new Dictionary<string, double> { ["hb_s"] = 300 }, HeartbeatS: 300), _clock.Now);
        Assert.Empty(_tracker.Evaluate(_clock.Advance(TimeSpan.FromMinutes(14))));
        HealthChange c = Assert.Single(_tracker.Evaluate(_clock.Advance(TimeSpan.FromMinutes(1))));
        Assert.Equal(HealthChangeKind.WentOffline, c.Kind);
    }

    [Fact]
    public void Any_message_brings_an_offline_node_back_online()
    {
        _tracker.Observe(Online("bn-1"), _clock.Now);
        _tracker.Evaluate(_clock.Advance(TimeSpan.FromMinutes(10)));
        HealthChange c = Assert.Single(_tracker.Observe(Heartbeat("bn-1"), _clock.Advance(TimeSpan.FromSeconds(1))));
        Assert.Equal(HealthChangeKind.CameOnline, c.Kind);
    }

    [Fact]
    public void Faults_come_from_heartbeats_as_a_set_and_from_fault_events_one_at_a_time()
    {
        _tracker.Observe(Heartbeat("bn-1", null, "amplifier", "tamper"), _clock.Now);
        Assert.Equal(["amplifier", "tamper"], _tracker.Get("bn-1")!.Faults);
        Assert.False(_tracker.Get("bn-1")!.IsHealthy);

        var cleared = _tracker.Observe(Fault("bn-1", "amplifier", false), _clock.Now);
        Assert.Equal([new HealthChange("bn-1", HealthChangeKind.FaultCleared, "amplifier", _clock.Now)], cleared);
        var raised = _tracker.Observe(Fault("bn-1", "relay", true), _clock.Now);
        Assert.Equal([new HealthChange("bn-1", HealthChangeKind.FaultRaised, "relay", _clock.Now)], raised);
        Assert.Equal(["relay", "tamper"], _tracker.Get("bn-1")!.Faults);

        var fromHb = _tracker.Observe(Heartbeat("bn-1"), _clock.Now);
        Assert.Equal(2, fromHb.Count(c => c.Kind == HealthChangeKind.FaultCleared));
        Assert.True(_tracker.Get("bn-1")!.IsHealthy);
        Assert.Equal(new HashSet<string> { "bn-1" }, _tracker.HealthyNodeIds());
    }

    [Fact]
    public void The_battery_trend_is_the_linear_slope_in_millivolts_per_day()
    {
        for (int i = 0; i < 5; i++)
        {
            _tracker.Observe(Heartbeat("bn-1", 12800 - (i * 25)), _clock.Now);
            _clock.Advance(TimeSpan.FromHours(6));
        }

        NodeHealth h = _tracker.Get("bn-1")!;
        Assert.Equal(12700, h.BatteryMv);
        Assert.Equal(-100, h.BatteryTrendMvPerDay!.Value, 6);
    }

    [Fact]
    public void Records_handed_out_keep_what_they_said_while_later_messages_change_the_node()
    {
        DateTimeOffset start = _clock.Now;
        _tracker.Observe(Online("bn-1"), start);
        _tracker.Observe(Heartbeat("bn-1", 12800), start);
        NodeHealth before = _tracker.Get("bn-1")!;
        HealthSnapshot snapshot = _tracker.Export();

        _tracker.Observe(Heartbeat("bn-1", 12700, "amplifier"), _clock.Advance(TimeSpan.FromMinutes(40)));
        _tracker.Observe(new StatusMessage("bn-1", true, "broadcast", "0.2.0", "watchdog", "ok", 2, "c1"), _clock.Now);

        foreach (NodeHealth old in new[] { before, Assert.Single(snapshot.Nodes) })
        {
            Assert.Equal((start, 12800, "0.1.0", "power_on"), (old.LastSeen!.Value, old.BatteryMv!.Value, old.Firmware, old.BootReason));
            Assert.Empty(old.Faults);
            Assert.Single(old.Readings);
            Assert.True(old.IsHealthy);
        }

        NodeHealth now = _tracker.Get("bn-1")!;
        Assert.Equal((_clock.Now, 12700, "0.2.0", "watchdog"), (now.LastSeen!.Value, now.BatteryMv!.Value, now.Firmware, now.BootReason));
        Assert.Equal(["amplifier"], now.Faults);
        Assert.Equal(2, now.Readings.Count);
        Assert.False(now.IsHealthy);
    }

    [Fact]
    public void Readings_for_the_trend_are_kept_half_an_hour_apart_and_every_one_sets_the_latest_voltage()
    {
        DateTimeOffset start = _clock.Now;
        for (int minute = 0; minute <= 90; minute++)
        {
            _tracker.Observe(Heartbeat("bn-1", 12800 - minute), start + TimeSpan.FromMinutes(minute));
        }

        NodeHealth h = _tracker.Get("bn-1")!;
        Assert.Equal(12710, h.BatteryMv);
        Assert.Equal(new[] { 0, 30, 60, 90 }, h.Readings.Select(r => (int)(r.At - start).TotalMinutes));
        Assert.Equal(new[] { 12800, 12770, 12740, 12710 }, h.Readings.Select(r => r.Millivolts));
        Assert.Equal(-1440, h.BatteryTrendMvPerDay!.Value, 6);
        Assert.Equal(start + TimeSpan.FromMinutes(90), h.LastSeen);
    }

    [Fact]
    public void The_trend_uses_only_the_last_readings_and_needs_two_of_them()
    {
        var tracker = new NodeHealthTracker(HealthOptions.Default with { BatteryWindow = 3 });
        tracker.Observe(Heartbeat("sn-1", 3000), _clock.Now);
        Assert.Null(tracker.Get("sn-1")!.BatteryTrendMvPerDay);
        tracker.Observe(Heartbeat("sn-1", 4000), _clock.Advance(TimeSpan.FromDays(1)));
        tracker.Observe(Heartbeat("sn-1", 4000), _clock.Advance(TimeSpan.FromDays(1)));
        tracker.Observe(Heartbeat("sn-1", 4000), _clock.Advance(TimeSpan.FromDays(1)));
        Assert.Equal(0, tracker.Get("sn-1")!.BatteryTrendMvPerDay!.Value, 9);
        Assert.Equal(3, tracker.Get("sn-1")!.Readings.Count);
    }

    [Fact]
    public void Sensor_reports_feed_the_battery_trend_too()
    {
        var report = new ReportMessage("sn-1", new OutboxHeader(1, 1, 1, null, null), "reading", new Dictionary<string, double> { ["batt_mv"] = 3900 }, BatteryMv: 3900);
        _tracker.Observe(report, _clock.Now);
        Assert.Equal(3900, _tracker.Get("sn-1")!.BatteryMv);
        Assert.Equal([new BatteryReading(_clock.Now, 3900)], _tracker.Get("sn-1")!.Readings);
    }

    [Fact]
    public void A_clock_set_back_starts_the_trend_again_from_its_present()
    {
        DateTimeOffset start = _clock.Now;
        _tracker.Observe(Heartbeat("bn-1", 12800), start);
        _tracker.Observe(Heartbeat("bn-1", 12790), start + TimeSpan.FromMinutes(30));

        // Set back an hour: the next reading is kept, and the two from the clock's "future" leave.
        _tracker.Observe(Heartbeat("bn-1", 12780), start - TimeSpan.FromMinutes(30));
        Assert.Equal([new BatteryReading(start - TimeSpan.FromMinutes(30), 12780)], _tracker.Get("bn-1")!.Readings);
        _tracker.Observe(Heartbeat("bn-1", 12770), start);
        Assert.Equal(2, _tracker.Get("bn-1")!.Readings.Count);
        Assert.Equal(12770, _tracker.Get("bn-1")!.BatteryMv);
    }

    [Fact]
    public void After_a_restart_the_spacing_counts_from_the_last_restored_reading()
    {
        _tracker.Observe(Heartbeat("bn-1", 12800), _clock.Now);
        string json = System.Text.Json.JsonSerializer.Serialize(_tracker.Export());
        NodeHealthTracker restored = NodeHealthTracker.FromSnapshot(System.Text.Json.JsonSerializer.Deserialize<HealthSnapshot>(json)!);
        restored.Observe(Heartbeat("bn-1", 12790), _clock.Now + TimeSpan.FromMinutes(10));
        Assert.Single(restored.Get("bn-1")!.Readings);
        Assert.Equal(12790, restored.Get("bn-1")!.BatteryMv);
        restored.Observe(Heartbeat("bn-1", 12780), _clock.Now + TimeSpan.FromMinutes(30));
        Assert.Equal(2, restored.Get("bn-1")!.Readings.Count);
    }

    [Fact]
    public void Health_survives_a_restart()
    {
        _tracker.Observe(Heartbeat("bn-1", 12000, "amplifier"), _clock.Now);
        string json = System.Text.Json.JsonSerializer.Serialize(_tracker.Export());
        NodeHealthTracker back = NodeHealthTracker.FromSnapshot(System.Text.Json.JsonSerializer.Deserialize<HealthSnapshot>(json)!);
        Assert.Equal(["amplifier"], back.Get("bn-1")!.Faults);
        Assert.Single(back.Evaluate(_clock.Advance(TimeSpan.FromMinutes(3))));
    }
}
