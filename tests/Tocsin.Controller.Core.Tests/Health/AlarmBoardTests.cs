using Tocsin.Controller.Alerts;
using Tocsin.Controller.Health;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Health;

public sealed class AlarmBoardTests
{
    private readonly FakeClock _clock = new();
    private readonly AlarmBoard _board = new(new AlarmPolicy(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)));

    [Fact]
    public void A_raised_alarm_notifies_operators_once_and_is_not_raised_twice()
    {
        AlarmNotification n = _board.Raise("offline:bn-1", "bn-1 offline", "bn-1", _clock.Now)!;
        Assert.Equal((NotificationReason.Raised, OperatorRole.Operator, 1), (n.Reason, n.Audience, n.Alarm.Notifications));
        Assert.Null(_board.Raise("offline:bn-1", "again", "bn-1", _clock.Advance(TimeSpan.FromMinutes(1))));
        Assert.Single(_board.Open);
    }

    [Fact]
    public void An_unacknowledged_alarm_repeats_every_interval()
    {
        _board.Raise("k", "m", null, _clock.Now);
        Assert.Empty(_board.Due(_clock.Advance(TimeSpan.FromMinutes(4))));
        AlarmNotification r = Assert.Single(_board.Due(_clock.Advance(TimeSpan.FromMinutes(1))));
        Assert.Equal((NotificationReason.Repeat, OperatorRole.Operator, 2), (r.Reason, r.Audience, r.Alarm.Notifications));
        Assert.Empty(_board.Due(_clock.Advance(TimeSpan.FromMinutes(4))));
        Assert.Single(_board.Due(_clock.Advance(TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void An_alarm_unacknowledged_too_long_escalates_to_approvers_and_keeps_repeating_to_them()
    {
        _board.Raise("k", "m", null, _clock.Now);
        _board.Due(_clock.Advance(TimeSpan.FromMinutes(5)));
        _board.Due(_clock.Advance(TimeSpan.FromMinutes(5)));
        AlarmNotification e = Assert.Single(_board.Due(_clock.Advance(TimeSpan.FromMinutes(5))));
        Assert.Equal((NotificationReason.Escalation, OperatorRole.Approver), (e.Reason, e.Audience));
        Assert.Equal(_clock.Now, e.Alarm.EscalatedAt);
        AlarmNotification r = Assert.Single(_board.Due(_clock.Advance(TimeSpan.FromMinutes(5))));
        Assert.Equal((NotificationReason.Repeat, OperatorRole.Approver), (r.Reason, r.Audience));
    }

    [Fact]
    public void Acknowledging_stops_repeats_and_escalation_and_records_who()
    {
        long id = _board.Raise("k", "m", null, _clock.Now)!.Alarm.Id;
        AlarmAcknowledgement ack = _board.Acknowledge(id, TestData.Operator, _clock.Advance(TimeSpan.FromMinutes(2)));
        Assert.True(ack.Succeeded);
        Assert.Equal(("op-li", _clock.Now), (ack.Alarm.AcknowledgedBy, ack.Alarm.AcknowledgedAt!.Value));
        Assert.Empty(_board.Due(_clock.Advance(TimeSpan.FromHours(1))));
        Assert.False(_board.Acknowledge(id, TestData.Approver, _clock.Now).Succeeded);
        Assert.False(_board.Acknowledge(999, TestData.Approver, _clock.Now).Succeeded);
    }

    [Fact]
    public void A_resolved_alarm_stops_nagging_but_stays_open_until_acknowledged()
    {
        long id = _board.Raise("offline:bn-1", "m", "bn-1", _clock.Now)!.Alarm.Id;
        _board.Resolve("offline:bn-1", _clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.Empty(_board.Due(_clock.Advance(TimeSpan.FromHours(1))));
        Assert.Single(_board.Open);
        _board.Acknowledge(id, TestData.Operator, _clock.Now);
        Assert.Empty(_board.Open);
        Assert.NotNull(_board.Raise("offline:bn-1", "again", "bn-1", _clock.Now));
        Assert.Equal(1, _board.Prune(_clock.Advance(TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void Health_changes_raise_and_resolve_their_alarms()
    {
        var off = new HealthChange("bn-1", HealthChangeKind.WentOffline, "missed heartbeats", _clock.Now);
        Assert.NotNull(HealthAlarms.Apply(_board, off));
        Assert.Null(HealthAlarms.Apply(_board, off with { At = _clock.Advance(TimeSpan.FromMinutes(1)) }));
        Assert.NotNull(HealthAlarms.Apply(_board, new HealthChange("bn-1", HealthChangeKind.FaultRaised, "amplifier", _clock.Now)));
        HealthAlarms.Apply(_board, new HealthChange("bn-1", HealthChangeKind.CameOnline, "online", _clock.Now));
        Assert.Equal(["fault:bn-1:amplifier"], _board.Due(_clock.Advance(TimeSpan.FromMinutes(5))).Select(n => n.Alarm.Key));
    }

    [Fact]
    public void The_board_survives_a_restart()
    {
        _board.Raise("k", "m", null, _clock.Now);
        string json = System.Text.Json.JsonSerializer.Serialize(_board.Export());
        AlarmBoard back = AlarmBoard.FromSnapshot(System.Text.Json.JsonSerializer.Deserialize<AlarmSnapshot>(json)!, new AlarmPolicy(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)));
        Assert.Single(back.Due(_clock.Advance(TimeSpan.FromMinutes(5))));
        Assert.Equal(2, back.Raise("k2", "m", null, _clock.Now)!.Alarm.Id);
    }
}
