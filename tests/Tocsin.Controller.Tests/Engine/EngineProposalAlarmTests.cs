using Tocsin.Controller.Alerts;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Health;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>
/// A rule's proposed warning alarms the duty room until a person acts on it or it ends; an alarm that
/// was acknowledged and ended leaves the board a day later, its acknowledgement kept in the audit trail.
/// </summary>
public sealed class EngineProposalAlarmTests
{
    private const string Node = "sn-proposal-1";
    private static readonly Actor Duty = new("duty-chen", "Chen", OperatorRole.Operator);
    private static readonly Actor Lead = new("lead-lin", "Lin", OperatorRole.Approver);

    private static async Task<(OperatorAlarm Alarm, Alert Alert)> ProposeAsync(SteppedController controller, string level = "orange")
    {
        // Water at the site at a level, read twice (the rule wants a second reading). Orange is
        // waterlogging level II, which the default rules leave to an operator; blue is level IV, which
        // they dispatch on their own.
        await controller.EventAsync(1, "\"type\":\"depth_level\",\"level\":\"" + level + "\",\"from\":\"none\",\"depth\":{\"mm\":320,\"level\":\"" + level + "\"}");
        await controller.StepForAsync(TimeSpan.FromSeconds(30));
        await controller.EventAsync(2, "\"type\":\"depth_level\",\"level\":\"" + level + "\",\"from\":\"" + level + "\",\"depth\":{\"mm\":330,\"level\":\"" + level + "\"}");
        await controller.StepForAsync(TimeSpan.FromSeconds(2));
        OperatorAlarm alarm = Assert.Single(controller.Engine.Alarms(), a => a.Key.StartsWith("proposal:", StringComparison.Ordinal));
        Alert alert = controller.Engine.Alerts().Single(a => alarm.Key == "proposal:" + a.Id);
        return (alarm, alert);
    }

    private static OperatorAlarm Listed(SteppedController controller, OperatorAlarm alarm) =>
        Assert.Single(controller.Engine.Alarms(), a => a.Id == alarm.Id);

    // Two repeat periods later the alarm has been notified no more than the given number of times.
    private static async Task AssertNoMoreRepeatsAsync(SteppedController controller, OperatorAlarm alarm, int notifications)
    {
        await controller.StepForAsync(AlarmPolicy.Default.RepeatEvery * 2);
        Assert.Equal(notifications, Listed(controller, alarm).Notifications);
    }

    [Fact]
    public async Task A_proposal_alarm_repeats_until_a_person_dispatches_the_warning_and_stays_listed_until_acknowledged()
    {
        await using SteppedController controller = SteppedController.Start(Node, _ => { });
        (OperatorAlarm alarm, Alert alert) = await ProposeAsync(controller);
        Assert.Equal(AlertState.PendingApproval, alert.State);
        Assert.Contains("waiting for an operator", alarm.Message, StringComparison.Ordinal);

        // Approved, the warning still waits for someone to send it.
        Assert.True((await controller.Engine.ActAsync(alert.Id, AlertAction.Approve, Lead, CancellationToken.None)).Succeeded);
        Assert.Null(Listed(controller, alarm).ResolvedAt);

        Assert.True((await controller.Engine.ActAsync(alert.Id, AlertAction.Dispatch, Duty, CancellationToken.None)).Succeeded);
        OperatorAlarm resolved = Listed(controller, alarm);
        Assert.NotNull(resolved.ResolvedAt);
        int notifications = resolved.Notifications;
        await controller.StepForAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(notifications, Listed(controller, alarm).Notifications);

        Assert.True(controller.Engine.Acknowledge(alarm.Id, Duty).Succeeded);
        Assert.DoesNotContain(controller.Engine.Alarms(), a => a.Id == alarm.Id);
        var ack = Assert.Single(controller.Service<IAuditLog>().Recent(10, "alarm:" + alarm.Id));
        Assert.Equal("duty-chen", ack.Actor);
        Assert.Equal("alarm-ack", ack.Action);
    }

    [Fact]
    public async Task A_warning_the_rules_dispatch_on_their_own_is_announced_once_and_listed_until_acknowledged()
    {
        await using SteppedController controller = SteppedController.Start(Node, _ => { });
        (OperatorAlarm alarm, Alert alert) = await ProposeAsync(controller, "blue");
        Assert.Equal(AlertState.Dispatched, alert.State);
        Assert.DoesNotContain("waiting for an operator", alarm.Message, StringComparison.Ordinal);
        Assert.NotNull(alarm.ResolvedAt);

        await AssertNoMoreRepeatsAsync(controller, alarm, 1);
    }

    [Fact]
    public async Task A_proposal_nobody_sent_before_its_validity_ran_out_stops_repeating()
    {
        await using SteppedController controller = SteppedController.Start(Node, _ => { });
        (OperatorAlarm alarm, Alert alert) = await ProposeAsync(controller);
        await controller.StepForAsync(alert.ExpiresAt - controller.Time.GetUtcNow() - TimeSpan.FromMinutes(1));
        Assert.Null(Listed(controller, alarm).ResolvedAt);

        await controller.StepForAsync(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        OperatorAlarm resolved = Listed(controller, alarm);
        Assert.NotNull(resolved.ResolvedAt);
        int notifications = resolved.Notifications;
        await AssertNoMoreRepeatsAsync(controller, alarm, notifications);
    }

    [Fact]
    public async Task An_unanswered_proposal_alarm_repeats_until_its_alert_is_cancelled()
    {
        await using SteppedController controller = SteppedController.Start(Node, _ => { });
        (OperatorAlarm alarm, Alert alert) = await ProposeAsync(controller);

        await controller.StepForAsync(AlarmPolicy.Default.RepeatEvery + TimeSpan.FromSeconds(2));
        int repeated = Listed(controller, alarm).Notifications;
        Assert.True(repeated > 1, "repeats while nobody acts: " + repeated);

        Assert.True((await controller.Engine.ActAsync(alert.Id, AlertAction.Cancel, Duty, CancellationToken.None)).Succeeded);
        await AssertNoMoreRepeatsAsync(controller, alarm, repeated);
    }

    [Fact]
    public async Task An_acknowledged_and_ended_alarm_leaves_the_board_a_day_later()
    {
        await using SteppedController controller = SteppedController.Start(Node, _ => { });
        (OperatorAlarm alarm, Alert alert) = await ProposeAsync(controller);
        Assert.True(controller.Engine.Acknowledge(alarm.Id, Duty).Succeeded);
        Assert.True((await controller.Engine.ActAsync(alert.Id, AlertAction.Cancel, Duty, CancellationToken.None)).Succeeded);

        await controller.StepForAsync(TimeSpan.FromHours(23));
        Assert.Contains(controller.Engine.AlarmsKept(), a => a.Id == alarm.Id);
        await controller.StepForAsync(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(controller.Engine.AlarmsKept(), a => a.Id == alarm.Id);
    }
}
