using Tocsin.TestSupport;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>One run of the fault gallery, shared by the tests that check each fault's effect.</summary>
public sealed class FaultGalleryRun : IAsyncLifetime
{
    public RunReport Report { get; private set; } = null!;

    public DeterministicRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ScenarioLoadResult loaded = ScenarioParser.Load(RepoPaths.Combine("tests", "Tocsin.Simulator.Runs.Tests", "Scenarios", "fault-gallery.json"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        Run = new DeterministicRun(loaded.Scenario!, loaded.Map!);
        Report = await Run.RunAsync();
    }

    public async Task DisposeAsync() => await Run.DisposeAsync();

    public FaultSummary Fault(string type) => Report.Faults.Single(f => f.Type == type);
}
