using Tocsin.Controller.Health;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Health;

public sealed class SecurityAlarmsTests
{
    private readonly FakeClock _clock = new();
    private readonly AlarmBoard _board = new();
    private long _seq;

    private EventMessage Security(string node, int badMac = 0, int replayed = 0, int malformed = 0, int retained = 0, int other = 0) =>
        new(node, new OutboxHeader(1, 1, ++_seq, null, null), EventTypes.Security, null, null, null, null, new Dictionary<string, double>
        {
            ["bad_mac"] = badMac, ["malformed"] = malformed, ["replayed"] = replayed, ["retained"] = retained, ["other"] = other,
        });

    [Fact]
    public void A_nodes_refusals_raise_one_alarm_naming_what_it_refused()
    {
        AlarmNotification n = SecurityAlarms.Apply(_board, Security("bn-1", badMac: 200, malformed: 3), _clock.Now)!;

        Assert.Equal(NotificationReason.Raised, n.Reason);
        Assert.Equal("security:bn-1", n.Alarm.Key);
        Assert.Equal("bn-1", n.Alarm.NodeId);
        Assert.Equal("node bn-1 refused commands since its last security event: 200 with a bad signature (forged?), 3 malformed", n.Alarm.Message);

        // The next minute's event adds no second alarm while the first nags.
        Assert.Null(SecurityAlarms.Apply(_board, Security("bn-1", badMac: 50), _clock.Advance(TimeSpan.FromMinutes(1))));
        Assert.Single(_board.Open);
        Assert.NotNull(SecurityAlarms.Apply(_board, Security("bn-2", other: 4), _clock.Now));
        Assert.Equal(2, _board.Open.Count);
    }

    [Fact]
    public void An_event_that_counts_only_replays_or_nothing_raises_nothing()
    {
        // A controller's honest resends of a command the node already has count as replays.
        Assert.False(SecurityAlarms.Raises(Security("bn-1", replayed: 360)));
        Assert.Null(SecurityAlarms.Apply(_board, Security("bn-1", replayed: 360), _clock.Now));
        Assert.Null(SecurityAlarms.Apply(_board, Security("bn-1"), _clock.Now));
        Assert.Empty(_board.Open);
    }

    [Fact]
    public void Once_resolved_a_later_attack_raises_a_new_alarm()
    {
        OperatorAlarm first = SecurityAlarms.Apply(_board, Security("bn-1", badMac: 1), _clock.Now)!.Alarm;
        Assert.True(SecurityAlarms.IsSecurityKey(first.Key));
        Assert.False(SecurityAlarms.IsSecurityKey(HealthAlarms.KeyFor(new HealthChange("bn-1", HealthChangeKind.WentOffline, "x", _clock.Now))));
        _board.Resolve(first.Key, _clock.Advance(SecurityAlarms.QuietFor));

        AlarmNotification? again = SecurityAlarms.Apply(_board, Security("bn-1", retained: 1), _clock.Advance(TimeSpan.FromHours(1)));
        Assert.NotNull(again);
        Assert.NotEqual(first.Id, again.Alarm.Id);
        Assert.Equal("node bn-1 refused commands since its last security event: 1 retained", again.Alarm.Message);
    }
}
