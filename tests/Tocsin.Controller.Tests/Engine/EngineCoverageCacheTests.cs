using System.Text;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Coverage;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>An alert's coverage as of now is computed afresh when its own deliveries change, and only then.</summary>
public sealed class EngineCoverageCacheTests
{
    private static readonly Actor Duty = new("duty-chen", "Chen", OperatorRole.Operator);

    private static async Task<string> DispatchAsync(SteppedController controller, string id, string community)
    {
        var draft = new AlertDraft(id, AlertKind.Live, Hazard.Waterlogging, WarningLevel.Blue, AlertTarget.ForCommunities(community),
            new AlertMessage("Waterlogging", "Water is rising", [101], SirenPattern.Wail, 3), controller.Time.GetUtcNow() + TimeSpan.FromHours(2));
        AlertTransition created = controller.Engine.CreateAlert(_ => draft, Duty);
        Assert.True(created.Succeeded, created.Reason);
        Assert.True((await controller.Engine.ActAsync(id, AlertAction.Dispatch, Duty, CancellationToken.None)).Succeeded);
        return id;
    }

    private static async Task SucceedAsync(SteppedController controller, string alertId, string node, long seq)
    {
        string command = Assert.Single(controller.Engine.Deliveries(alertId), d => d.NodeId == node).CommandId;
        string json = "{\"ep\":3,\"floor\":1,\"seq\":" + seq + ",\"up\":1000,\"cmd\":\"" + command + "\",\"cseq\":1,\"kind\":\"broadcast\",\"state\":\"succeeded\"}";
        controller.Transport.Deliver(new InboundMessage(node, "tocsin/v1/node/" + node + "/result", Encoding.UTF8.GetBytes(json), false, controller.Time.GetUtcNow()));
        await controller.Engine.StepAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Another_alerts_results_keep_the_figures_and_the_alerts_own_result_renews_them()
    {
        await using SteppedController controller = SteppedController.Start("sn-coverage-1", _ => { });
        foreach (var (node, community) in new[] { ("bn-kaiyuan-01-a", "kaiyuan-01"), ("bn-kaiyuan-02-a", "kaiyuan-02") })
        {
            Assert.NotNull(controller.Engine.Register(new NodeRegistration(node, NodeKind.Broadcast, community, null, "test", 1000), [], "test").Node);
        }

        string mine = await DispatchAsync(controller, "a-20260801-0101", "kaiyuan-01");
        string other = await DispatchAsync(controller, "a-20260801-0102", "kaiyuan-02");
        await controller.StepForAsync(TimeSpan.FromSeconds(1));

        AlertCoverage first = controller.Engine.Coverage(mine, null)!;
        Assert.Equal(0, first.District.ReachedPopulation);
        await controller.StepForAsync(TimeSpan.FromSeconds(1));
        Assert.Same(first.District, controller.Engine.Coverage(mine, null)!.District);

        await SucceedAsync(controller, other, "bn-kaiyuan-02-a", 1);
        Assert.Same(first.District, controller.Engine.Coverage(mine, null)!.District);
        Assert.Equal(1000, controller.Engine.Coverage(other, null)!.District.ReachedPopulation);

        await SucceedAsync(controller, mine, "bn-kaiyuan-01-a", 1);
        AlertCoverage renewed = controller.Engine.Coverage(mine, null)!;
        Assert.NotSame(first.District, renewed.District);
        Assert.Equal(1000, renewed.District.ReachedPopulation);
    }
}
