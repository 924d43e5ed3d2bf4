using Tocsin.Controller.Alerts;
using Tocsin.Controller.Health;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>
/// A node's security event becomes an operator alarm, one per node while events keep coming,
/// resolved after a quiet spell so that a later attack alarms again.
/// </summary>
public sealed class EngineSecurityAlarmTests
{
    private const string Node = "sn-security-1";
    private const string Forged = "\"type\":\"security\",\"bad_mac\":12,\"malformed\":0,\"replayed\":0,\"retained\":0,\"other\":0";
    private static readonly Actor Duty = new("duty-chen", "Chen", OperatorRole.Operator);

    [Fact]
    public async Task Refused_commands_raise_one_alarm_per_node_until_a_quiet_spell_resolves_it()
    {
        await using SteppedController controller = SteppedController.Start(Node, _ => { });
        string key = SecurityAlarms.KeyFor(Node);

        await controller.EventAsync(1, Forged);
        OperatorAlarm alarm = Assert.Single(controller.Engine.Alarms(), a => a.Key == key);
        Assert.Contains("12 with a bad signature", alarm.Message, StringComparison.Ordinal);

        // Acknowledged, it stops nagging but stays while the attack goes on: a minute later the next
        // event keeps it, the same event delivered twice adds nothing, and only replays raise nothing.
        Assert.True(controller.Engine.Acknowledge(alarm.Id, Duty).Succeeded);
        await controller.StepForAsync(TimeSpan.FromMinutes(1));
        await controller.EventAsync(2, Forged);
        await controller.EventAsync(2, Forged);
        await controller.EventAsync(3, "\"type\":\"security\",\"bad_mac\":0,\"malformed\":0,\"replayed\":40,\"retained\":0,\"other\":0");
        Assert.Equal(alarm.Id, Assert.Single(controller.Engine.Alarms(), a => a.Key == key).Id);

        // Quiet for SecurityAlarms.QuietFor after the last forged event, it is resolved (checked once a minute).
        await controller.StepForAsync(SecurityAlarms.QuietFor - TimeSpan.FromMinutes(2));
        Assert.Contains(controller.Engine.Alarms(), a => a.Key == key);
        await controller.StepForAsync(TimeSpan.FromMinutes(3));
        Assert.DoesNotContain(controller.Engine.Alarms(), a => a.Key == key);

        // A later attack raises a new one.
        await controller.EventAsync(4, Forged);
        Assert.NotEqual(alarm.Id, Assert.Single(controller.Engine.Alarms(), a => a.Key == key).Id);
    }
}
