using Tocsin.TestSupport;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>The same scenario and seed give the same report, byte for byte; another seed gives another run.</summary>
public sealed class DeterminismTests
{
    private static async Task<string> RunAsync(int seed, bool parallel)
    {
        ScenarioLoadResult loaded = ScenarioParser.Load(RepoPaths.Combine("simulator", "scenarios", "flash-flood-underpass.json"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        await using var run = new DeterministicRun(loaded.Scenario!, loaded.Map!, new RunOptions { Seed = seed, Parallel = parallel });
        RunReport report = await run.RunAsync();
        Assert.NotEmpty(report.Alerts);
        return ReportJson.Serialize(report);
    }

    [Fact]
    public async Task One_seed_gives_identical_reports_whether_nodes_step_on_one_core_or_all()
    {
        string first = await RunAsync(7, parallel: true);
        string second = await RunAsync(7, parallel: false);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Another_seed_gives_another_run()
    {
        string first = await RunAsync(7, parallel: true);
        string other = await RunAsync(8, parallel: true);
        Assert.NotEqual(first, other);
    }
}
