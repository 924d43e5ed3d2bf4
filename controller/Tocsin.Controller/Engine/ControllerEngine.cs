using System.Threading.Channels;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Health;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Rules;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Engine;

/// <summary>
/// The controller's single writer. Every domain object (region map, nodes, sequence trackers,
/// delivery ledger, alerts, rules, health, alarms) lives here and is touched only by this loop, which
/// takes node messages in batches, runs API operations posted to it, and does its periodic work
/// (resends, rule holds, offline detection, alarm repeats, expiry) once a second. Nothing needs a
/// lock, and each ingest round is one database transaction.
/// </summary>
public sealed partial class ControllerEngine : BackgroundService
{
    private const int MaxBatch = 5000;
    private static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(10);

    private readonly ControllerOptions _options;
    private readonly INodeStore _nodeStore;
    private readonly IMessageStore _messages;
    private readonly IStateStore _state;
    private readonly IAlertStore _alertStore;
    private readonly IAuditLog _audit;
    private readonly INodeTransport _transport;
    private readonly NodeDirectory _directory;
    private readonly TimeProvider _time;
    private readonly ILogger<ControllerEngine> _log;
    private readonly Channel<InboundMessage> _inbound = Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(200_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, StoredNode> _nodes = new(StringComparer.Ordinal);

    // The domain view of every node, kept beside _nodes (PutNode): coverage and the scorecard read all
    // of them, several times a minute at 10,000 nodes.
    private readonly Dictionary<string, NodeRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, NodeRecord>> _recordsByCommunity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _ruleAlerts = new(StringComparer.Ordinal);
    private RegionMap? _map;
    private SequenceBook _sequences = new();
    private DeliveryLedger _ledger = new();
    private readonly LedgerStore _ledgerStore;
    private readonly HealthStore _healthStore;
    private readonly HealthSnapshotWriter _healthWriter = new();
    private readonly SequenceSnapshotWriter _sequenceWriter = new();
    private readonly SnapshotDocumentBuffer _snapshotDocuments = new(JsonDefaults.Options);
    // A typhoon day over a district has dozens of rule warnings on air at once, each asked for its
    // coverage every few minutes: 16 kept figures were recomputed in turn at every pass.
    private const int CoverageKept = 64;
    private readonly Dictionary<string, CoverageNow> _coverageNow = new(StringComparer.Ordinal);
    private long _recordsVersion;
    private NodeHealthTracker _health = new();
    private AlarmBoard _alarms = new();
    private WarningRuleEngine? _rules;
    private readonly FanOutPlanner _planner;
    // On the monotonic clock (MonotonicMs): a wall clock set back an hour must not stop the engine's
    // timer, snapshots or archive passes for an hour, nor one set forward bring them all at once.
    private long _nextTimerMs = long.MinValue;
    private long _nextSnapshotMs = long.MinValue;
    private long _nextArchiveMs = long.MinValue;

    // When each open security alarm's node last sent a security event (not saved: after a restart an
    // alarm counts its quiet spell from when it was raised).
    private readonly Dictionary<string, DateTimeOffset> _securityHeard = new(StringComparer.Ordinal);
    private bool _dirty;
    private int _alertNumber;

    /// <summary>Creates the engine; state is loaded when it starts.</summary>
    public ControllerEngine(ControllerOptions options, INodeStore nodeStore, IMessageStore messages, IStateStore state, IAlertStore alertStore, IAuditLog audit,
        INodeTransport transport, NodeDirectory directory, PersistentCommandSequence sequence, TimeProvider time, ILogger<ControllerEngine> log)
    {
        _options = options;
        _nodeStore = nodeStore;
        _messages = messages;
        _state = state;
        _alertStore = alertStore;
        _audit = audit;
        _transport = transport;
        _directory = directory;
        _time = time;
        _log = log;
        _ledgerStore = new LedgerStore(state, TimeSpan.FromMinutes(Math.Max(0, options.LedgerArchiveAfterMinutes)));
        _healthStore = new HealthStore(state);
        _planner = new FanOutPlanner(sequence, transport.DeliversToEachMember ? FanOutOptions.Default with { MaxNodesPerEnvelope = 1 } : FanOutOptions.Default);
        transport.MessageReceived += m =>
        {
            if (!_inbound.Writer.TryWrite(m))
            {
                // Not acknowledged, so the node's outbox sends it again later: nothing is lost.
                Interlocked.Increment(ref _droppedInbound);
            }
        };
    }

    private long _droppedInbound;
    private long _received;
    private long _malformed;

    /// <summary>Node messages dropped because ingest was full (the nodes resend them).</summary>
    public long DroppedInbound => Interlocked.Read(ref _droppedInbound);

    /// <summary>Node messages taken in.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Node messages that did not parse.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>The region map in force (null until one is loaded).</summary>
    public RegionMap? Map => _map;

    /// <summary>Runs <paramref name="action"/> on the engine's loop and returns its result.</summary>
    public Task<T> Run<T>(Func<T> action)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Writer.TryWrite(() =>
        {
            try
            {
                done.SetResult(action());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                done.SetException(ex);
            }

            return Task.CompletedTask;
        });
        return done.Task;
    }

    /// <summary>Runs an asynchronous <paramref name="action"/> on the engine's loop.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Writer.TryWrite(async () =>
        {
            try
            {
                done.SetResult(await action().ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                done.SetException(ex);
            }
        });
        return done.Task;
    }

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Load();
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Past the host's shutdown timeout the loop may still be inside a round: saving beside it would
        // share its state and its connection, so the last interval is left to the nodes to restate.
        // A loop that failed (a round's commit refused by the database) has taken messages into its
        // sequence books that were never stored: saving those would make their resends look like
        // duplicates, so the state stays as last saved and the nodes resend after the restart.
        if (ExecuteTask is { IsFaulted: true, Exception: { } failure })
        {
            LogStopAfterFailure(failure);
        }
        else if (ExecuteTask is not { IsCompleted: false })
        {
            SaveSnapshots();
        }
        else
        {
            LogStopWithoutSnapshot();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "stopped while a round was still running: the last snapshot interval is not saved (nodes resend what was not acknowledged)")]
    private partial void LogStopWithoutSnapshot();

    [LoggerMessage(Level = LogLevel.Critical, Message = "the engine loop failed; stopping without a snapshot so nothing unstored counts as received (nodes resend what was not acknowledged once the controller is back)")]
    private partial void LogStopAfterFailure(Exception ex);

    /// <summary>
    /// Loads state for stepped use: the simulator's deterministic mode drives the engine itself, one
    /// <see cref="StepAsync"/> per moment of virtual time, instead of starting the background loop.
    /// </summary>
    public void LoadForStepping() => Load();

    /// <summary>
    /// One stepped round on the caller's thread: queued operations, every node message waiting (in
    /// arrival order), then the once-a-second work if due by the engine's clock. With a transport
    /// and storage that finish synchronously, the round completes before this returns.
    /// </summary>
    public async Task StepAsync(CancellationToken cancellation)
    {
        var batch = new List<InboundMessage>();
        do
        {
            await RoundAsync(batch, cancellation).ConfigureAwait(false);
        }
        while (batch.Count == MaxBatch);
    }

    /// <summary>Saves the snapshots and every held node state now (a clean stop does this; a killed controller does not).</summary>
    public void SaveNow() => SaveSnapshots();

    private async Task RoundAsync(List<InboundMessage> batch, CancellationToken cancellation)
    {
        while (_work.Reader.TryRead(out Func<Task>? item))
        {
            await item().ConfigureAwait(false);
        }

        batch.Clear();
        while (batch.Count < MaxBatch && _inbound.Reader.TryRead(out InboundMessage? m))
        {
            batch.Add(m);
        }

        if (batch.Count > 0)
        {
            await IngestAsync(batch, cancellation).ConfigureAwait(false);
        }

        DateTimeOffset now = _time.GetUtcNow();
        long nowMs = MonotonicMs();
        if (nowMs >= _nextTimerMs)
        {
            _nextTimerMs = nowMs + 1000;
            if (batch.Count == 0)
            {
                CommitDueStates();
            }

            await OnTimerAsync(now, nowMs, cancellation).ConfigureAwait(false);
        }

        SnapshotIfDue(nowMs);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<InboundMessage>(MaxBatch);
        while (!stoppingToken.IsCancellationRequested)
        {
            Task<bool> inbound = _inbound.Reader.WaitToReadAsync(stoppingToken).AsTask();
            Task<bool> work = _work.Reader.WaitToReadAsync(stoppingToken).AsTask();
            try
            {
                await Task.WhenAny(inbound, work, Task.Delay(TimeSpan.FromMilliseconds(250), _time, stoppingToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await RoundAsync(batch, stoppingToken).ConfigureAwait(false);
        }
    }
}
