using System.Text;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;
using Tocsin.TestSupport;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>How the report accounts for messages a run ends before the controller stored.</summary>
public sealed class MessageAccountingTests
{
    // Every packet lost in the last ten minutes and no settling time: reports lost in transit are still
    // in their sensors' outboxes (to be sent again) when the run stops.
    private const string EndsInLoss = """
        {"v":1,"name":"t","title":"T","seed":3,"start":"2026-01-01T00:00:00Z","duration":"1:00","settle":0,
         "regions":"controller/regions/licheng-sample.json","nodes":{"communities":["kaiyuan-01"]},
         "rain":{"background":[{"at":"0:00","mmPerHour":40}]},
         "faults":[{"at":"0:50","type":"packetLoss","percent":100,"duration":"0:10"}]}
        """;

    [Fact]
    public async Task Messages_still_in_a_node_outbox_at_the_end_are_counted_as_queued_not_lost()
    {
        ScenarioLoadResult loaded = ScenarioParser.Parse(Encoding.UTF8.GetBytes(EndsInLoss), RepoPaths.Root);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        await using var run = new DeterministicRun(loaded.Scenario!, loaded.Map!, new RunOptions());
        RunReport report = await run.RunAsync();
        DeliverySummary m = report.Messages;

        Assert.True(m.QueuedOnNodes > 0, "nothing was left queued; the scenario no longer ends in loss: " + m);
        Assert.Equal(0, m.Lost);
        Assert.Equal(m.Published, m.Committed + m.QueuedOnNodes);
        using var text = new StringWriter();
        TextReport.Write(report, text);
        Assert.Contains("still queued on their nodes at the end", text.ToString(), StringComparison.Ordinal);
    }
}
