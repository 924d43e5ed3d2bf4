using System.Text;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;
using Tocsin.TestSupport;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>Speakers that sound steadily step coarsely, and the run's outcome does not change.</summary>
public sealed class SteadySoundingRunTests
{
    private const string Warning = """
        {"v":1,"name":"t","title":"T","seed":5,"start":"2026-01-01T00:00:00Z","duration":"0:20","settle":"0:02",
         "regions":"controller/regions/licheng-sample.json","nodes":{"communities":["kaiyuan-01"],"speakersPerCommunity":3},
         "operators":[{"id":"duty","role":"operator"},{"id":"lead","role":"approver"}],
         "actions":[
           {"at":"0:01","do":"create","ref":"w","by":"duty","alert":{"kind":"live","hazard":"rainstorm","level":"III","scope":"district",
             "title":"Rainstorm","text":"Heavy rain.","clips":[201],"siren":"wail","repeat":2,"expiresInMinutes":60}},
           {"at":"0:02","do":"submit","alert":"w","by":"duty"},
           {"at":"0:03","do":"approve","alert":"w","by":"lead"},
           {"at":"0:04","do":"dispatch","alert":"w","by":"duty"},
           {"at":"0:02","do":"create","ref":"w2","by":"duty","alert":{"kind":"live","hazard":"waterlogging","level":"II","scope":"district",
             "title":"Waterlogging","text":"Underpasses flooding.","clips":[201],"siren":"hilo","repeat":1,"expiresInMinutes":60}},
           {"at":"0:03","do":"submit","alert":"w2","by":"duty"},
           {"at":"0:03","do":"approve","alert":"w2","by":"lead"},
           {"at":4.5,"do":"dispatch","alert":"w2","by":"duty"}],
         "tick":{"soundingMs":100,"steadyMs":STEADY}}
        """;

    [Fact]
    public async Task Coarse_steps_while_sounding_steadily_give_the_same_sound_starts_and_results_with_fewer_steps()
    {
        (RunReport fine, long fineSteps, List<long>[] fineStarts) = await RunAsync(100);
        (RunReport coarse, long coarseSteps, List<long>[] coarseStarts) = await RunAsync(10_000);

        // The second, higher warning arrives while the first one sounds steadily.
        Assert.Equal(2, fine.Alerts.Count);
        Assert.All(fine.Alerts, a => Assert.Equal(3, a.Sounded));
        Assert.Equal(fine.Alerts.Select(a => (a.Sounded, a.SoundP50S, a.SoundMaxS)), coarse.Alerts.Select(a => (a.Sounded, a.SoundP50S, a.SoundMaxS)));
        Assert.Equal(fineStarts.Select(s => string.Join(",", s)), coarseStarts.Select(s => string.Join(",", s)));
        Assert.Equal(fine.Messages.Committed, coarse.Messages.Committed);
        Assert.True(coarseSteps < fineSteps * 0.8, $"steady sounding should save steps: {coarseSteps} vs {fineSteps}");
    }

    private static async Task<(RunReport Report, long Steps, List<long>[] Starts)> RunAsync(int steadyMs)
    {
        ScenarioLoadResult loaded = ScenarioParser.Parse(Encoding.UTF8.GetBytes(Warning.Replace("STEADY", steadyMs.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)), RepoPaths.Root);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        await using var run = new DeterministicRun(loaded.Scenario!, loaded.Map!, new RunOptions());
        RunReport report = await run.RunAsync();
        List<long>[] starts = run.Nodes.Where(n => n.Speaker != null).Select(n => n.AudibleStarts.ToList()).ToArray();
        return (report, run.Performance.NodeSteps, starts);
    }
}
