using System.Text.Json;
using Tocsin.Controller.Coverage;
using Tocsin.Controller.Engine;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;
using Tocsin.TestSupport;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>
/// The engine keeps an alert's coverage "as of now" until what it counts changes (the console asks
/// every few seconds, and at 10,000 speakers one answer costs tens of milliseconds). After a drill's
/// run, with the controller's virtual clock moved on by hand: the kept figures equal figures worked out
/// afresh for the same moment, are really kept while nothing changes, and are worked out again when a
/// node record changes. Not covered here: results or alert changes arriving between two asks (the
/// ledger's and the alert's versions), and a wall clock stepped back (virtual time never runs back).
/// </summary>
public sealed class CoverageNowRunTests
{
    [Fact]
    public async Task Kept_coverage_equals_fresh_coverage_as_the_clock_moves_on_and_is_worked_out_again_when_a_node_record_changes()
    {
        ScenarioLoadResult loaded = ScenarioParser.Load(RepoPaths.Combine("tests", "Tocsin.Simulator.Runs.Tests", "Scenarios", "ledger-archive.json"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        await using var run = new DeterministicRun(loaded.Scenario!, loaded.Map!, new RunOptions());
        RunReport report = await run.RunAsync();
        string id = Assert.Single(report.Alerts).Id;
        ControllerEngine engine = run.Controller.Engine;
        VirtualTimeProvider time = run.Controller.Time;
        long end = time.UtcMs;

        AlertCoverage first = Now(engine, id, time);
        Assert.True(first.District.Speakers > 0, "the drill targeted speakers");

        // Later, nothing changed: the same figures, kept (not worked out again), dated now.
        time.Set(end + 3_600_000);
        AlertCoverage later = Now(engine, id, time);
        Assert.Same(first.District, later.District);

        // A node record changes (a speaker revoked): worked out again, then kept again.
        string speaker = engine.Deliveries(id).First().NodeId;
        Assert.True(engine.Revoke(speaker, "test"));
        AlertCoverage after = Now(engine, id, time);
        Assert.NotSame(later.District, after.District);
        time.Set(end + 7_200_000);
        Assert.Same(after.District, Now(engine, id, time).District);
    }

    // Coverage as of now (kept between calls) checked against the same moment worked out afresh.
    private static AlertCoverage Now(ControllerEngine engine, string id, VirtualTimeProvider time)
    {
        AlertCoverage kept = engine.Coverage(id, null) ?? throw new InvalidOperationException("no coverage for " + id);
        AlertCoverage fresh = engine.Coverage(id, time.GetUtcNow()) ?? throw new InvalidOperationException("no coverage for " + id);
        Assert.Equal(time.GetUtcNow(), kept.Deadline);
        Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(kept));
        return kept;
    }
}
