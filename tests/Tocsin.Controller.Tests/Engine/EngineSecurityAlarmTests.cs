using Tocsin.Controller.Alerts;
using Tocsin.Controller.Health;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>A node's security event becomes an operator alarm; acknowledging it ends it, so a later attack alarms again.</summary>
public sealed class EngineSecurityAlarmTests
{
    private const string Node = "sn-security-1";
    private static readonly Actor Duty = new("duty-chen", "Chen", OperatorRole.Operator);

    [Fact]
    public async Task Refused_commands_raise_an_alarm_that_acknowledging_ends()
    {
        await using SteppedController controller = SteppedController.Start(Node, _ => { });
        string key = SecurityAlarms.KeyFor(Node);

        await controller.EventAsync(1, "\"type\":\"security\",\"bad_mac\":12,\"malformed\":0,\"replayed\":0,\"retained\":0,\"other\":0");
        OperatorAlarm alarm = Assert.Single(controller.Engine.Alarms(), a => a.Key == key);
        Assert.Contains("12 with a bad signature", alarm.Message, StringComparison.Ordinal);

        // Acknowledged, it leaves the open alarms; the next minute's refusals raise a new one.
        Assert.True(controller.Engine.Acknowledge(alarm.Id, Duty).Succeeded);
        Assert.DoesNotContain(controller.Engine.Alarms(), a => a.Key == key);
        await controller.StepForAsync(TimeSpan.FromMinutes(1));
        await controller.EventAsync(2, "\"type\":\"security\",\"bad_mac\":3,\"malformed\":0,\"replayed\":0,\"retained\":0,\"other\":0");
        OperatorAlarm again = Assert.Single(controller.Engine.Alarms(), a => a.Key == key);
        Assert.NotEqual(alarm.Id, again.Id);
    }
}
