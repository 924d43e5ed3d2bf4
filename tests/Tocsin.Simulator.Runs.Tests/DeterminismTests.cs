using Tocsin.TestSupport;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>The same scenario and seed give the same report, byte for byte; another seed gives another run.</summary>
public sealed class DeterminismTests
{
    private static async Task<string> RunAsync(int seed, bool parallel, int controllerMs = 0, string? data = null) =>
        ReportJson.Serialize(await ReportAsync(seed, parallel, controllerMs, data));

    private static async Task<RunReport> ReportAsync(int seed, bool parallel, int controllerMs, string? data = null, int? nodeThreads = null)
    {
        ScenarioLoadResult loaded = ScenarioParser.Load(RepoPaths.Combine("simulator", "scenarios", "flash-flood-underpass.json"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        Scenario scenario = loaded.Scenario! with { Tick = loaded.Scenario!.Tick with { ControllerMs = controllerMs } };
        await using var run = new DeterministicRun(scenario, loaded.Map!, new RunOptions { Seed = seed, Parallel = parallel, NodeThreads = nodeThreads ?? (parallel ? 2 : null), ParallelFromNodes = 2, SharedFromNodes = 1, DataDirectory = data });
        RunReport report = await run.RunAsync();
        Assert.NotEmpty(report.Alerts);
        return report;
    }

    [Fact]
    public async Task One_seed_gives_identical_reports_whether_nodes_step_on_one_core_or_all()
    {
        string first = await RunAsync(7, parallel: true);
        string second = await RunAsync(7, parallel: false);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Steps_shared_with_the_controllers_round_thread_give_the_same_report_as_one_thread()
    {
        // One node thread: the round thread takes steps between its rounds, which run beside them.
        string shared = ReportJson.Serialize(await ReportAsync(7, parallel: true, controllerMs: 300, nodeThreads: 1));
        string serial = await RunAsync(7, parallel: false, controllerMs: 300);
        Assert.Equal(shared, serial);
    }

    [Fact]
    public async Task A_database_kept_in_a_file_gives_the_same_report_as_one_in_memory_and_stays_behind()
    {
        string data = Path.Combine(Path.GetTempPath(), "tocsin-run-data-" + Guid.NewGuid().ToString("N"));
        try
        {
            string inMemory = await RunAsync(7, parallel: true);
            string inFile = await RunAsync(7, parallel: true, data: data);
            Assert.Equal(inMemory, inFile);
            using var db = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(data, "tocsin.db") + ";Mode=ReadOnly;Pooling=false");
            db.Open();
            using var count = db.CreateCommand();
            count.CommandText = "SELECT count(*) FROM node_messages";
            Assert.True(Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 100);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Another_seed_gives_another_run()
    {
        string first = await RunAsync(7, parallel: true);
        string other = await RunAsync(8, parallel: true);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_controller_that_answers_later_still_gives_identical_reports_serial_or_parallel()
    {
        string parallel = await RunAsync(7, parallel: true, controllerMs: 300);
        string serial = await RunAsync(7, parallel: false, controllerMs: 300);
        Assert.Equal(parallel, serial);
    }

    [Fact]
    public async Task A_controller_that_takes_time_over_a_round_takes_the_next_only_after_it()
    {
        (RunReport prompt, RunPerformance promptRun) = await RunWithPerformanceAsync(controllerMs: 0);
        (RunReport busy, RunPerformance busyRun) = await RunWithPerformanceAsync(controllerMs: 2000);

        // A round is retired 2 s after its slot, or sooner when the run needs the controller idle (the
        // world's step every 10 s, faults), and the next begins in the slot it is retired: about one
        // round per 2 s. A prompt controller takes one every second and in every slot something reached it, as
        // the busy one would without the rule.
        Assert.True(busyRun.ControllerRounds <= busyRun.SimulatedSeconds / 1.5, $"{busyRun.ControllerRounds} rounds in {busyRun.SimulatedSeconds} s");
        Assert.True(promptRun.ControllerRounds > busyRun.ControllerRounds * 2, $"{promptRun.ControllerRounds} prompt rounds against {busyRun.ControllerRounds}");
        Assert.Equal(0, busy.Messages.Lost);
        Assert.Equal(0, busy.Messages.Doubled);
        Assert.Equal(busy.Messages.Published, busy.Messages.Committed + busy.Messages.QueuedOnNodes);
        Assert.Equal(0, prompt.Messages.Lost);
    }

    private static async Task<(RunReport Report, RunPerformance Performance)> RunWithPerformanceAsync(int controllerMs)
    {
        ScenarioLoadResult loaded = ScenarioParser.Load(RepoPaths.Combine("simulator", "scenarios", "flash-flood-underpass.json"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        Scenario scenario = loaded.Scenario! with { Tick = loaded.Scenario!.Tick with { ControllerMs = controllerMs } };
        await using var run = new DeterministicRun(scenario, loaded.Map!, new RunOptions { Seed = 7 });
        RunReport report = await run.RunAsync();
        return (report, run.Performance!);
    }

    [Fact]
    public async Task A_controller_that_answers_later_loses_nothing_and_its_rule_warnings_sound_later()
    {
        RunReport prompt = await ReportAsync(7, parallel: true, controllerMs: 0);
        RunReport slow = await ReportAsync(7, parallel: true, controllerMs: 500);
        Assert.Equal(0, slow.Messages.Lost);
        Assert.Equal(0, slow.Messages.Doubled);
        Assert.Equal(slow.Messages.Published, slow.Messages.Committed + slow.Messages.QueuedOnNodes);

        // A warning the rules raise is dispatched inside a round, so its commands leave up to half a
        // second later: never sooner, and the full half second unless the run needed the controller
        // idle before then (the world's step every 10 s retires every round at once).
        var pairs = prompt.Alerts.Where(a => a.Source == "Rule" && a.SoundP50S != null)
            .Select(a => (Prompt: a.SoundP50S!.Value, Slow: Assert.Single(slow.Alerts, b => b.Id == a.Id).SoundP50S!.Value)).ToList();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.True(p.Slow >= p.Prompt, $"sounded {p.Slow} s after dispatch, against {p.Prompt} s with a prompt controller"));
        Assert.Contains(pairs, p => p.Slow >= p.Prompt + 0.4);
    }
}
