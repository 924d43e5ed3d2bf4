using Tocsin.Firmware.BroadcastNode.Audio;
using Tocsin.Firmware.BroadcastNode.Chain;
using Tocsin.Firmware.BroadcastNode.Console;
using Tocsin.Firmware.BroadcastNode.Health;
using Tocsin.Firmware.BroadcastNode.Persistence;
using Tocsin.Firmware.BroadcastNode.Playback;
using Tocsin.Firmware.BroadcastNode.Reporting;
using Tocsin.Firmware.BroadcastNode.Rules;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Config;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Security;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.BroadcastNode;

/// <summary>
/// The broadcast node (issue 4, docs/broadcast-node.md): authenticated broadcasts, drills and
/// tests through a supervised amplifier chain, with priorities, results per broadcast, health
/// events, persistence across reboots and pre-authorized local rules. Constructing it switches
/// every relay and the tone off, before anything else runs.
/// </summary>
public sealed class BroadcastModule : INodeModule
{
    /// <summary>A sensor event older than this (by its "t") is not evidence any more.</summary>
    public const long StaleSensorEventMs = 10L * 60 * 1000;

    private readonly BroadcastHardware _hw;
    private readonly CurrentSense _sense;
    private readonly AmplifierChain _chain;
    private readonly DfPlayer _player;
    private readonly ProgramRunner _runner;
    private readonly BroadcastReporter _report = new BroadcastReporter();
    private readonly HealthMonitor _health;
    private readonly ControllerWatch _watch = new ControllerWatch();
    private readonly SensorEvent _sensorEvent = new SensorEvent();
    private BroadcastSettings _settings;
    private LocalRules _rules;
    private BroadcastScheduler _scheduler;
    private BroadcastCommands _commands;
    private NodeRuntime _runtime;
    private IClock _clock;
    private LocalControl _local;
    private int _settingsVersion = -1;

    /// <summary>Takes the hardware and makes it safe at once: relays open, tone off, player told to stop.</summary>
    public BroadcastModule(BroadcastHardware hardware)
    {
        _hw = hardware;
        _sense = new CurrentSense(hardware.LoadCurrent);
        _chain = new AmplifierChain(hardware.AmplifierPower, hardware.Zones, hardware.ZoneFeedback, _sense);
        hardware.Tone.Off();
        _player = new DfPlayer(hardware.PlayerLine, hardware.PlayerBusy);
        _player.Stop(0);
        _runner = new ProgramRunner(_chain, _player, hardware.Tone, _sense);
        _health = new HealthMonitor(hardware.Mains, hardware.Tamper, hardware.Battery);
    }

    /// <inheritdoc />
    public string Kind => "broadcast";

    /// <inheritdoc />
    public int OutboxCapacity => 64;

    /// <summary>The amplifier chain.</summary>
    public AmplifierChain Chain => _chain;

    /// <summary>The clip player.</summary>
    public DfPlayer Player => _player;

    /// <summary>The program runner (what sounds now).</summary>
    public ProgramRunner Runner => _runner;

    /// <inheritdoc />
    public long NextTimerMs(long nowMs)
    {
        if (_clock == null)
        {
            return long.MaxValue;
        }

        // A held broadcast's start or end, the longest activation, a changed mains or door input's next
        // sample, a local rule that may act on controller silence, and the player while a program runs.
        // An idle player's routine status check (every 5 minutes) is left to the next pass: it only
        // confirms the module still answers, and its answer waits in the serial buffer meanwhile.
        bool hasUtc = _clock.TryGetUtcMs(out long utc);
        long next = _scheduler.NextDeadlineMs(nowMs, hasUtc, utc);
        if (_runner.IsActive)
        {
            next = IntMath.Min(next, _player.NextDueMs);
        }

        next = IntMath.Min(next, _health.NextTimerMs);
        if (_runtime != null && _runtime.Outbox.Count > 0 && !StopHeld)
        {
            next = IntMath.Min(next, _rules.NextDueMs(_watch));
        }

        return next;
    }

    /// <summary>
    /// While a siren or clip sounds steadily (<see cref="ProgramRunner.SteadyUntilMs"/>), the latest
    /// time (ms) a tick can wait for: the end of that step, a broadcast's validity ending or start
    /// coming, the longest activation, or the player's next status query, whichever is first. Inputs
    /// (commands, the player's busy line, switches, a settings change) wake the loop sooner on a board.
    /// <see cref="long.MinValue"/> when the next tick should not wait.
    /// </summary>
    public long SteadyUntilMs(long nowMs)
    {
        long until = _runner.SteadyUntilMs;
        if (until == long.MinValue || _clock == null)
        {
            return long.MinValue;
        }

        bool hasUtc = _clock.TryGetUtcMs(out long utc);
        long deadline = _scheduler.NextDeadlineMs(nowMs, hasUtc, utc);
        until = deadline < until ? deadline : until;
        long poll = _player.NextDueMs;
        return poll < until ? poll : until;
    }

    /// <summary>The current sense.</summary>
    public CurrentSense Sense => _sense;

    /// <summary>What is held and what sounds.</summary>
    public BroadcastScheduler Scheduler => _scheduler;

    /// <summary>Faults.</summary>
    public HealthMonitor Health => _health;

    /// <summary>The local rules.</summary>
    public LocalRules Rules => _rules;

    /// <summary>The node's settings indexes.</summary>
    public BroadcastSettings Settings => _settings;

    /// <summary>The controller-silence judge.</summary>
    public ControllerWatch Watch => _watch;

    /// <summary>True while the local stop switch is thrown.</summary>
    public bool StopHeld => _local != null && _local.StopHeld;

    /// <summary>The runtime (after Start).</summary>
    public NodeRuntime Runtime => _runtime;

    /// <inheritdoc />
    public void RegisterSettings(Settings settings)
    {
        _settings = new BroadcastSettings(settings);
        _rules = new LocalRules(_settings, _hw.LevelSwitches);
    }

    /// <inheritdoc />
    public void RegisterConsoleCommands(ConsoleCommandTable table)
    {
        table.Add(new RelaysCommand(this));
        table.Add(new LastCommand(this));
        table.Add(new TestCommand(this));
        table.Add(new StopCommand(this));
    }

    /// <inheritdoc />
    public void Start(NodeRuntime runtime, long nowMs)
    {
        _chain.ForceOff();
        _hw.Tone.Off();
        _runtime = runtime;
        _clock = runtime.Hardware.Clock;
        _report.Attach(runtime);
        var log = new HandledLog(runtime.Hardware.Flash);
        var held = new HeldStore(runtime.Hardware.Flash);
        _scheduler = new BroadcastScheduler(_runner, _chain, _player, _settings, _report, log, held, _rules.FiredUtcMs, _clock);
        _commands = new BroadcastCommands(_scheduler, _settings, _report);
        _local = new LocalControl(this, _hw, _rules, _watch, _commands, _report);
        ApplySettings();
        if (!log.Load())
        {
            runtime.Log.Error("bcast", "handled-broadcast log corrupt; relying on the replay window and expiry");
        }

        int restored = held.Load(_scheduler.Slots, _rules.FiredUtcMs);
        if (restored < 0)
        {
            runtime.Log.Error("bcast", "held-broadcast record corrupt; discarded");
            for (int i = 0; i < _scheduler.Slots.Length; i++)
            {
                _scheduler.Slots[i].Clear();
            }
        }

        bool hasUtc = _clock.TryGetUtcMs(out long utc);
        RebootRecovery.Restore(_scheduler, log, nowMs);
        _rules.Restore(nowMs, hasUtc, utc);
        runtime.Log.Info("bcast", "zones=" + _chain.ZoneCount.ToString() + " warmup_ms=" + _settings.Get(_settings.WarmupMsIndex).ToString()
            + " interlock_ms=" + _settings.Get(_settings.InterlockMsIndex).ToString() + " max_activation_s=" + _settings.Get(_settings.MaxActivationS).ToString()
            + " held=" + _scheduler.HeldCount.ToString());
    }

    /// <inheritdoc />
    public void Tick(long nowMs)
    {
        if (_runtime == null)
        {
            return;
        }

        bool hasUtc = _clock.TryGetUtcMs(out long utc);
        ApplySettings();

        _local.PollInputs();
        _local.RunRules(nowMs, hasUtc, utc);
        _scheduler.Tick(nowMs, hasUtc, utc);
        _chain.Tick(nowMs);
        _player.Tick(nowMs);
        _health.Tick(nowMs);
        _health.Set(HealthFault.Amplifier, _chain.AmplifierFault);
        _health.Set(HealthFault.Relay, _chain.RelayFaultMask != 0);
        _health.Set(HealthFault.Player, _player.NotAnswering);
        _health.Set(HealthFault.Line, _runner.LineState < 0);
        int changed = _health.Unreported;
        for (int i = 0; changed != 0 && i < HealthFault.Count; i++)
        {
            int bit = HealthFault.Bit(i);
            if ((changed & bit) != 0)
            {
                bool active = (_health.Faults & bit) != 0;
                _runtime.Log.Write(active ? Diagnostics.LogLevel.Warn : Diagnostics.LogLevel.Info, "health", HealthFault.Name(bit) + (active ? " fault" : " fault cleared"));
                BroadcastEvents.Fault(_report, bit, active, _health, _chain);
                _health.MarkReported(bit);
            }
        }
    }

    /// <inheritdoc />
    public bool HandleCommand(VerifiedCommand command, long nowMs)
    {
        if (!BroadcastCommands.IsOwnKind(command.Kind))
        {
            return false;
        }

        // A setting changed a moment ago (zones, clips) must hold for this command already.
        ApplySettings();
        bool hasUtc = _clock.TryGetUtcMs(out long utc);
        _commands.Handle(command, nowMs, hasUtc, utc);
        return true;
    }

    /// <inheritdoc />
    public bool NeedsTrustedTime(VerifiedCommand command) => BroadcastCommands.NeedsTrustedTime(command);

    /// <inheritdoc />
    public string[] ExtraSubscriptions()
    {
        var topics = new string[BroadcastSettings.RuleCount];
        int n = 0;
        for (int i = 0; i < BroadcastSettings.RuleCount; i++)
        {
            string src = _settings.RuleSource(i);
            string topic = src == null || src == LocalRules.WiredSource ? null : Topics.Node(src, Topics.EventLeaf);
            for (int k = 0; k < n && topic != null; k++)
            {
                topic = topics[k] == topic ? null : topic;
            }

            if (topic != null)
            {
                topics[n++] = topic;
            }
        }

        var result = new string[n];
        System.Array.Copy(topics, result, n);
        return result;
    }

    /// <inheritdoc />
    public void OnMessage(MqttInboundMessage message, long nowMs)
    {
        // A retained event is old news by definition; a stale one is not evidence either.
        if (message.Retain || !_sensorEvent.TryParse(message.Topic, message.Payload))
        {
            return;
        }

        if (_clock.TryGetUtcMs(out long utc) && _sensorEvent.AtUtcMs > 0 && utc - _sensorEvent.AtUtcMs > StaleSensorEventMs)
        {
            _runtime.Log.Info("rules", "stale level event from " + _sensorEvent.Source + " ignored");
            return;
        }

        _rules.OnSensorLevel(_sensorEvent.Source, _sensorEvent.Level);
    }

    /// <inheritdoc />
    public void WriteHeartbeat(JsonWriter writer) => BroadcastStatus.WriteHeartbeat(writer, this);

    /// <inheritdoc />
    public void WriteStatus(ConsoleOutput output) => BroadcastStatus.WriteStatus(output, this);

    /// <inheritdoc />
    public bool SelfTest(ConsoleOutput output) => BroadcastStatus.SelfTest(output, this);

    /// <summary>Silences and ends everything held now (console "stop"); returns how many were stopped.</summary>
    public int StopEverything(string by)
    {
        int n = _scheduler.StopAll(BroadcastReason.StoppedLocally, _runtime.NowMs);
        _runtime.Log.Warn("bcast", "stopped locally by " + by + ": " + n.ToString() + " broadcast(s) ended");
        BroadcastEvents.LocalStop(_report, by, StopHeld, n);
        return n;
    }

    /// <summary>Starts a local silent or growl test; returns its id, or null when it could not be held.</summary>
    public string StartLocalTest(int kind, string by)
    {
        long now = _runtime.NowMs;
        bool hasUtc = _clock.TryGetUtcMs(out long utc);
        Broadcast b = _commands.StartLocal(kind, AlertLevel.Info, 0, -1, now, hasUtc, utc);
        string id = b == null ? null : b.Id;
        _runtime.Log.Info("bcast", BroadcastKind.ToText(kind) + " started by " + by + (id == null ? ": refused, queue full" : ": " + id));
        return id;
    }

    // Copies what changed since the last call. A new zone count waits until the chain is off (zones
    // are not renumbered under a running broadcast), so until it is applied every step tries again.
    private void ApplySettings()
    {
        int version = _runtime.Settings.Version;
        if (version == _settingsVersion)
        {
            return;
        }

        bool zonesApplied = _chain.IsOff;
        if (zonesApplied)
        {
            _chain.ZoneCount = _settings.Get(_settings.Zones);
        }

        _settingsVersion = zonesApplied ? version : -1;
        _commands.AllZonesMask = _chain.AllZonesMask;
        _sense.MvPerA = _settings.Get(_settings.SenseMvPerA);
        _sense.OffsetMv = _settings.Get(_settings.SenseOffsetMv);
        _player.AnswerTimeoutMs = _settings.Get(_settings.PlayerTimeoutMs);
        _health.BatteryLowMv = _settings.Get(_settings.BatteryLowMv);
    }
}
