using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Storage;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// A scenario run in one process on virtual time: the real controller, the real firmware on every
/// node, the simulated network between them, the rain and water world, operator actions and faults,
/// all driven from one thread in a fixed order (node steps may run on several cores, but every
/// merge happens in node order), so one seed always gives the same report.
/// </summary>
public sealed partial class DeterministicRun : IAsyncDisposable
{
    private const long WarmUpMs = 2 * 60_000;
    private const long WorldStepMs = 10_000;
    private const double SampleMinutes = 5;

    private readonly Scenario _scenario;
    private readonly RegionMap _map;
    private readonly RunOptions _options;
    private readonly int _seed;
    private readonly long _startUtcMs;
    private readonly VirtualTimeProvider _time;
    private readonly VirtualTimeProvider _controllerTime;
    private readonly SimulatedNetwork _network;
    private readonly DeterministicController _controller;
    private readonly SqliteDatabase? _memoryDatabase;
    private readonly SqliteConnection? _memoryDatabaseKeeper;
    private readonly DistrictPlan _plan;
    private readonly List<SimulatedNode> _nodes = [];
    private readonly List<SimulatedSite> _sites = [];
    private readonly Dictionary<string, SimulatedNode> _byId = new(StringComparer.Ordinal);
    private readonly NodeScheduler _scheduler;
    private readonly ControllerRoundWorker? _rounds;
    private readonly SharedSlotSteps? _sharedSteps;
    private readonly Action<int> _stepDue;
    private readonly Stopwatch _wall = new();
    private long _now;
    private long _nodeSteps;

    /// <summary>Prepares a run of <paramref name="scenario"/> over <paramref name="map"/> (nothing starts yet).</summary>
    public DeterministicRun(Scenario scenario, RegionMap map, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(map);
        _scenario = scenario;
        _map = map;
        _options = options ?? new RunOptions();
        _seed = _options.Seed ?? scenario.Seed;
        _startUtcMs = scenario.Start.ToUnixTimeMilliseconds() - WarmUpMs;
        _time = new VirtualTimeProvider(_startUtcMs);
        _controllerTime = new VirtualTimeProvider(_startUtcMs);
        _network = new SimulatedNetwork(_time, _seed ^ 0x5EED);
        _network.KeepControllerInbox();
        _network.Conditions.LatencyMs = scenario.Network.LatencyMs;
        _network.Conditions.JitterMs = scenario.Network.JitterMs;
        _network.Conditions.LossRatio = scenario.Network.LossPercent / 100;

        // Without a data directory the database would be deleted at the end anyway, so it lives in
        // memory: that saves SQLite its file system calls and write-ahead log (about a fifth of the
        // controller's time at 10,000 nodes). The keeper connection, opened last, holds it while the
        // controller is killed and restarted.
        string? memoryDatabase = _options.DataDirectory == null ? "tocsin-sim-" + Guid.NewGuid().ToString("N") : null;
        _memoryDatabase = memoryDatabase == null ? null : SqliteDatabase.InMemory(memoryDatabase);
        _plan = new DistrictPlan(map, scenario.Nodes);
        var controllerOptions = new ControllerOptions
        {
            DataDirectory = _options.DataDirectory ?? Path.GetTempPath(),
            InMemoryDatabaseName = memoryDatabase,
            RegionFile = scenario.RegionFile,
            RulesFile = scenario.RulesFile,
            HttpUrl = "http://127.0.0.1:0",
            BootstrapAdminPassword = _options.AdminPassword ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)),

            // Snapshots hold every node's sequence and health state and the commands results arrived for:
            // at 10,000 nodes one allocates tens of MB of JSON, so a big district snapshots every 5 minutes
            // (a killed controller loses at most that much; nodes resend what was not acknowledged,
            // duplicates are dropped).
            SnapshotIntervalS = _plan.Nodes.Count > 2000 ? 300 : 30,

            // A big district's per-node documents take tens of milliseconds to serialize: written 30
            // virtual seconds after their state is taken, they are ready by then (the nodes step on
            // meanwhile) instead of holding every node up while the controller serializes them.
            SnapshotWriteDelayS = _plan.Nodes.Count > 2000 ? 30 : 1,

            // A simulation's database kept in a data directory is a test artefact, and its controller kill
            // fault is a process kill (the OS keeps its writes), so syncing to disk buys nothing here: at
            // 10,000 nodes the syncs at checkpoints cost SQLite about 40 % of its time.
            SyncWrites = false,
        };
        if (_options.LedgerArchiveAfterMinutes is int archiveAfter)
        {
            controllerOptions.LedgerArchiveAfterMinutes = archiveAfter;
        }

        _controller = new DeterministicController(controllerOptions, _controllerTime, _network, new ControllerLogRecorder(OnControllerWarning));
        int horizon = Math.Max(Math.Max(scenario.Tick.SensorMs, scenario.Tick.SpeakerMs), Math.Max(scenario.Tick.SoundingMs, scenario.Tick.SteadyMs)) + scenario.Tick.ActiveMs;
        _scheduler = new NodeScheduler(_plan.Nodes.Count, scenario.Tick.ActiveMs, horizon);
        // With one node thread (2 cores: the default), the round thread takes steps between its rounds.
        _sharedSteps = _options.Parallel && NodeThreads == 1 ? new SharedSlotSteps() : null;
        _rounds = _options.Parallel ? new ControllerRoundWorker(_sharedSteps) : null;
        _stepDue = StepDue;
        _memoryDatabaseKeeper = _memoryDatabase?.Open();
    }

    /// <summary>The nodes, in run order.</summary>
    public IReadOnlyList<SimulatedNode> Nodes => _nodes;

    /// <summary>The simulated network.</summary>
    public SimulatedNetwork Network => _network;

    /// <summary>The controller.</summary>
    public DeterministicController Controller => _controller;

    /// <summary>Wall-clock figures of the run so far.</summary>
    public RunPerformance Performance { get; private set; } = new();

    /// <summary>Runs the whole scenario and its settling time, and returns the report.</summary>
    public async Task<RunReport> RunAsync(CancellationToken cancellation = default)
    {
        _wall.Start();
        int[] gcAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        TimeSpan gcPauseAtStart = GC.GetTotalPauseDuration();
        long allocatedAtStart = GC.GetTotalAllocatedBytes();
        Setup();
        double setupS = _wall.Elapsed.TotalSeconds;
        long managedAfterSetup = GC.GetTotalMemory(forceFullCollection: false);
        long scenarioEnd = WarmUpMs + (long)(_scenario.DurationMinutes * 60_000);
        long end = scenarioEnd + (long)(_scenario.SettleMinutes * 60_000);
        await LoopAsync(end, scenarioEnd, cancellation).ConfigureAwait(false);
        RunReport report = BuildReport();
        double wall = _wall.Elapsed.TotalSeconds;
        double simulated = (end - WarmUpMs) / 1000.0;
        Performance = new RunPerformance
        {
            WallSeconds = wall,
            SetupSeconds = setupS,
            SimulatedSeconds = simulated,
            SpeedUp = simulated / Math.Max(wall - setupS, 1e-9),
            NodeSteps = _nodeSteps,
            HelperSteps = _sharedSteps?.HelperSteps ?? 0,
            Messages = _network.Tally.Delivered,
            MessagesPerSecond = _network.Tally.Delivered / Math.Max(wall - setupS, 1e-9),
            Nodes = _nodes.Count,
            ManagedBytesAfterSetup = managedAfterSetup,
            BytesPerNode = managedAfterSetup / Math.Max(1, _nodes.Count),
            PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64,
            Collections = [GC.CollectionCount(0) - gcAtStart[0], GC.CollectionCount(1) - gcAtStart[1], GC.CollectionCount(2) - gcAtStart[2]],
            GcPauseSeconds = Math.Round((GC.GetTotalPauseDuration() - gcPauseAtStart).TotalSeconds, 3),
            AllocatedBytes = GC.GetTotalAllocatedBytes() - allocatedAtStart,
            PhaseSeconds = Enum.GetValues<RunPhase>().ToDictionary(p => p.ToString(), p => Math.Round(_phaseTicks[(int)p] / (double)Stopwatch.Frequency, 3)),
            ControllerRounds = _roundsBegun,
            ControllerRoundSeconds = Math.Round(_rounds?.BusySeconds ?? (_phaseTicks[(int)RunPhase.Controller] / (double)Stopwatch.Frequency), 3),
        };
        return report;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            _rounds?.Dispose();

            // A database about to be thrown away needs no last snapshot (~90 MB of JSON at 10,000 nodes).
            await (_memoryDatabase != null ? _controller.KillAsync() : _controller.DisposeAsync().AsTask()).ConfigureAwait(false);
        }
        finally
        {
            if (_memoryDatabaseKeeper != null)
            {
                // Pooled connections would keep the database (gigabytes at 10,000 nodes) until the process ends.
                await _memoryDatabaseKeeper.DisposeAsync().ConfigureAwait(false);
                _memoryDatabase!.ReleasePooledConnections();
            }
        }
    }

    private int NodeThreads => _options.Parallel ? _options.NodeThreads ?? Math.Max(1, Environment.ProcessorCount - 1) : 1;

    private void ForEachNode(List<int> indexes, Action<int> step)
    {
        int threads = NodeThreads;
        if (threads > 1 && indexes.Count >= _options.ParallelFromNodes)
        {
            // Chunks of at least 16 nodes (or a thread's share of fewer), four per thread.
            int chunk = Math.Max(Math.Min(16, Math.Max(1, indexes.Count / threads)), indexes.Count / (4 * threads));
            var partitions = System.Collections.Concurrent.Partitioner.Create(0, indexes.Count, chunk);
            System.Threading.Tasks.Parallel.ForEach(partitions, new ParallelOptions { MaxDegreeOfParallelism = threads },
                range =>
                {
                    for (int k = range.Item1; k < range.Item2; k++)
                    {
                        step(indexes[k]);
                    }
                });
        }
        else
        {
            foreach (int i in indexes)
            {
                step(i);
            }
        }
    }

    private static double MinuteOf(long runMs) => (runMs - WarmUpMs) / 60_000.0;

    private static long RunMsOf(double minute) => WarmUpMs + (long)Math.Round(minute * 60_000);
}
