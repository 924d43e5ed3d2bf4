using System.Globalization;
using System.Text;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;
using Tocsin.TestSupport;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>
/// An idle loudspeaker may step as seldom as every five minutes: its firmware's own timers (heartbeat,
/// reconnect after the broker went away, resends) still fall due on time, and a dropped connection wakes it.
/// </summary>
public sealed class IdleStepRunTests
{
    private const string Quiet = """
        {"v":1,"name":"t","title":"T","seed":9,"start":"2026-01-01T00:00:00Z","duration":"0:40","settle":"0:02",
         "regions":"controller/regions/licheng-sample.json",
         "nodes":{"communities":["kaiyuan-01"],"speakersPerCommunity":3,"settings":{"hb.period_s":60}},
         "faults":[{"at":"0:10","type":"brokerRestart","downSeconds":45}],
         "tick":{"sensorMs":1000,"speakerMs":SPEAKER}}
        """;

    [Fact]
    public async Task Speakers_stepping_every_five_minutes_send_their_minute_heartbeats_and_come_back_after_a_broker_restart_on_time()
    {
        (RunReport fine, long fineSteps, int fineConnected) = await RunAsync(2_000);
        (RunReport coarse, long coarseSteps, int coarseConnected) = await RunAsync(300_000);

        // 4 nodes, a heartbeat a minute for 42 minutes: ~170 heartbeats. Stepped only every 5 minutes
        // they would send ~35, and reconnect up to 5 minutes after the broker came back.
        Assert.InRange(coarse.Network.FromNodes, fine.Network.FromNodes - 8, fine.Network.FromNodes + 8);
        Assert.True(fine.Network.FromNodes > 150, $"expected a heartbeat a minute: {fine.Network.FromNodes} messages");
        Assert.Equal(fine.Network.Connects, coarse.Network.Connects);
        Assert.Equal(4, fineConnected);
        Assert.Equal(4, coarseConnected);
        Assert.Equal(0, coarse.Messages.Lost);
        Assert.True(coarseSteps < fineSteps * 0.7, $"idle speakers should step less: {coarseSteps} vs {fineSteps}");
    }

    private static async Task<(RunReport Report, long Steps, int Connected)> RunAsync(int speakerMs)
    {
        string json = Quiet.Replace("SPEAKER", speakerMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        ScenarioLoadResult loaded = ScenarioParser.Parse(Encoding.UTF8.GetBytes(json), RepoPaths.Root);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        await using var run = new DeterministicRun(loaded.Scenario!, loaded.Map!, new RunOptions());
        RunReport report = await run.RunAsync();
        int connected = run.Nodes.Count(n => n.Node.Runtime?.Session.IsConnected == true);
        return (report, run.Performance.NodeSteps, connected);
    }
}
