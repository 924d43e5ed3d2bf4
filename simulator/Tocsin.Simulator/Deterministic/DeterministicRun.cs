using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Storage;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;
using Tocsin.Simulator.World;

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

    private void Setup()
    {
        _controller.Start();
        AttachEngine();
        string? failure = RegisterAndProvision(_controller.Engine);
        if (failure != null)
        {
            throw new InvalidOperationException(failure);
        }

        _network.NodeReceived += (node, _, _) => _scheduler.At(_byId[node].Index, _now, _now);
        _network.NodeLinkDropped += node => Wake(_byId[node]);
        _network.NodePublished += OnNodePublished;
        int idleMax = Math.Max(_scenario.Tick.SensorMs, _scenario.Tick.SpeakerMs);
        foreach (SimulatedNode node in _nodes)
        {
            node.LastTickMs = ProvisionMs;

            // Stagger first steps so ten thousand nodes do not all wake in one slot.
            _scheduler.At(node.Index, ProvisionMs + (node.Index * 37 % idleMax), ProvisionMs);
        }
    }

    private const long ProvisionMs = 1000;

    /// <summary>
    /// Registers every planned node with the controller (on this thread: the engine is single-threaded),
    /// builds it and provisions it with its bundle; returns the first refusal, or null. Registering is
    /// about half of setup's work at 10,000 nodes and provisioning the other half: while this thread
    /// registers, the other cores provision the nodes already registered, and it joins them at the end
    /// (with one thread, or fewer than <see cref="RunOptions.ParallelFromNodes"/> nodes, it provisions them after).
    /// Each node's provisioning uses only that node, so the order they finish in changes nothing.
    /// </summary>
    private string? RegisterAndProvision(ControllerEngine engine)
    {
        int count = _plan.Nodes.Count;
        var bundles = new string[count];
        var failures = new string?[count];
        int threads = _options.Parallel ? _options.NodeThreads ?? Environment.ProcessorCount : 1;
        var provisionErrors = new Exception?[count];
        using var registered = new BlockingCollection<SimulatedNode>();
        var helpers = new List<Task>();

        // Every thread is joined whatever fails, so none outlives the queue, and nothing thrown is lost.
        var thrown = new List<Exception>();
        string? refusal = null;
        try
        {
            if (threads > 1 && count >= _options.ParallelFromNodes)
            {
                for (int t = 1; t < threads; t++)
                {
                    helpers.Add(Task.Factory.StartNew(() => ProvisionRegistered(registered, bundles, failures, provisionErrors), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
                }
            }

            refusal = RegisterAll(engine, registered, bundles);
        }
        catch (Exception e)
        {
            thrown.Add(e);
        }

        // On a refusal the threads provision what was registered before it and stop.
        registered.CompleteAdding();
        ProvisionRegistered(registered, bundles, failures, provisionErrors);
        try
        {
            Task.WaitAll(helpers);
        }
        catch (AggregateException e)
        {
            thrown.AddRange(e.InnerExceptions);
        }

        // In node order, not the order threads met them, so a failing setup fails the same way every run.
        thrown.AddRange(provisionErrors.OfType<Exception>());
        if (thrown.Count == 1)
        {
            ExceptionDispatchInfo.Throw(thrown[0]);
        }

        if (thrown.Count > 1)
        {
            throw new AggregateException("setting up the simulated district failed", thrown);
        }

        return refusal ?? failures.FirstOrDefault(f => f != null);
    }

    // Registers and builds each planned node in order, handing it to the provisioning threads; returns
    // the controller's first refusal, or null.
    private string? RegisterAll(ControllerEngine engine, BlockingCollection<SimulatedNode> registered, string[] bundles)
    {
        var network = new NetworkSettings("tocsin-sim", "simulated-network", "broker.sim", 1883);
        for (int i = 0; i < _plan.Nodes.Count; i++)
        {
            PlannedNode p = _plan.Nodes[i];
            var (stored, errors) = engine.Register(new NodeRegistration(p.Id, p.IsSensor ? NodeKind.Sensor : NodeKind.Broadcast, p.Community, null, "simulated", p.CoveredPopulation), [], "simulator");
            if (stored == null)
            {
                return "the controller refused node " + p.Id + ": " + string.Join("; ", errors);
            }

            var (bundle, bundleErrors) = engine.IssueBundle(p.Id, network, rotateKey: false, "simulator");
            if (bundle == null)
            {
                return "no bundle for " + p.Id + ": " + string.Join("; ", bundleErrors);
            }

            bundles[i] = bundle;
            var node = new SimulatedNode(i, p, _startUtcMs, unchecked((_seed * 7919) + i));
            _nodes.Add(node);
            _byId[p.Id] = node;
            if (p.IsSensor)
            {
                PlaceBasin(node);
            }

            registered.Add(node);
        }

        return null;
    }

    // Provisions registered nodes until registering ends and none are left (one of several threads),
    // keeping what a node's provisioning throws under its index and going on with the rest.
    private void ProvisionRegistered(BlockingCollection<SimulatedNode> registered, string[] bundles, string?[] failures, Exception?[] errors)
    {
        foreach (SimulatedNode node in registered.GetConsumingEnumerable())
        {
            try
            {
                failures[node.Index] = Provision(node, bundles[node.Index]);
            }
            catch (Exception e)
            {
                errors[node.Index] = e;
            }
        }
    }

    private string? Provision(SimulatedNode node, string bundle)
    {
        node.Node.PowerOn();
        node.Node.Type(ProvisioningBundle.ConsoleCommand + bundle);
        for (int i = 0; i < 50; i++)
        {
            node.Node.Tick(10);
        }

        string answer = node.Node.Console.TakeOutput();
        if (!answer.Contains("is complete", StringComparison.Ordinal))
        {
            return node.Plan.Id + " refused its bundle: " + answer.Trim();
        }

        IEnumerable<KeyValuePair<string, string>> settings = _scenario.Nodes.Settings
            .Concat(node.Plan.IsSensor ? _scenario.Nodes.SensorSettings : _scenario.Nodes.SpeakerSettings);
        foreach (var (name, value) in settings)
        {
            node.Node.Type("config set " + name + " " + value);
            for (int i = 0; i < 5; i++)
            {
                node.Node.Tick(10);
            }

            string reply = node.Node.Console.TakeOutput();
            if (!reply.Contains(name + " = ", StringComparison.Ordinal))
            {
                return node.Plan.Id + " refused setting " + name + "=" + value + ": " + reply.Trim();
            }
        }

        // Provisioning took exactly ProvisionMs of the node's clock.
        long used = (50 + (5 * settings.Count())) * 10L;
        node.Node.Tick(ProvisionMs - used);
        return null;
    }

    // Gives a sensor node its low point (before it is provisioned, so its first readings see the site).
    private void PlaceBasin(SimulatedNode node)
    {
        SiteSpec? site = node.Plan.Id.EndsWith("-1", StringComparison.Ordinal) ? _scenario.Sites.FirstOrDefault(s => s.Community == node.Plan.Community) : null;
        if (site != null)
        {
            node.Basin = new LowPointBasin(site.CatchmentRatio, site.Runoff, site.DrainMmPerMinute, site.MaxDepthMm);
        }
        else
        {
            // Low points differ: catchment and drains vary from site to site (seeded, so runs repeat).
            var random = new Random(unchecked(_seed + (node.Index * 104729)));
            node.Basin = LowPointBasin.Typical(random.Next(0, 5), random.Next(0, 5));
        }

        var conditions = new SiteConditions();
        node.Sensor!.Site = conditions;
        _sites.Add(new SimulatedSite(node.Plan.XKm, node.Plan.YKm, node.Basin, conditions));
    }

    private void ForEachNode(List<int> indexes, Action<int> step) => ForEachNode(indexes, step, NodeThreads);

    private int NodeThreads => _options.Parallel ? _options.NodeThreads ?? Math.Max(1, Environment.ProcessorCount - 1) : 1;

    private void ForEachNode(List<int> indexes, Action<int> step, int threads)
    {
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
