using Tocsin.Firmware.Config;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Delivery;
using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Security;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Runtime;

/// <summary>
/// The shared node: settings, console, broker session, command verification, outbox and heartbeat,
/// driven by one cooperative <see cref="Tick"/> with the time passed in. A node kind plugs in as an
/// <see cref="INodeModule"/>. Nothing here blocks, sleeps or reads a clock of its own.
/// </summary>
public sealed partial class NodeRuntime
{
    /// <summary>Firmware version reported in the status message.</summary>
    public const string FirmwareVersion = "0.1.0";

    /// <summary>Largest command payload accepted.</summary>
    public const int MaxCommandBytes = 8192;

    private const int MessagesPerTick = 4;
    private const long RepeatResultIntervalMs = 5000;

    private readonly NodeHardware _hw;
    private readonly INodeModule _module;
    private readonly JsonWriter _heartbeat = new JsonWriter(640);
    private readonly JsonReader _ackReader = new JsonReader(64);
    private readonly VerifiedCommand _command = new VerifiedCommand();
    private readonly RecentResults _recent = new RecentResults(8);
    private readonly XorShiftRandom _random;
    private readonly SecurityMonitor _security;
    private readonly BackoffPolicy _backoff;
    private readonly string[] _streamTopics = new string[OutboxStream.Count];
    private string _nodeCommandTopic;
    private string _areaCommandTopic;
    private string _ackTopic;
    private string _heartbeatTopic;
    private string _connectionFingerprint;
    private long _nextHeartbeatMs;
    private long _heartbeatPeriodMs;
    private long _rebootAtMs = -1;
    private long _lastRepeatResultMs = -RepeatResultIntervalMs;
    private long _bootMs;
    private long _nowMs;

    /// <summary>Builds the runtime; nothing touches hardware until <see cref="Boot"/>.</summary>
    public NodeRuntime(NodeHardware hardware, INodeModule module)
    {
        _hw = hardware;
        _module = module;
        Log = new LogRing(32, hardware.LogSink);
        Settings = new Settings();
        Core = new CoreSettings(Settings);
        _random = new XorShiftRandom(hardware.System.RandomSeed());
        Replay = new ReplayWindow(hardware.Flash);
        Verifier = new CommandVerifier(hardware.Hmac, hardware.Clock, Replay, MaxCommandBytes);
        _backoff = new BackoffPolicy(_random, 1000, 300000);
        Session = new MqttSession(hardware.Mqtt, _backoff, Log);
        Outbox = new Outbox(hardware.Flash, Log, module.OutboxCapacity, 384, (int)_random.NextUInt32());
        Commands = new ConsoleCommandTable();
        Console = new SerialConsole(hardware.ConsoleLine, Commands, Log);
        _security = new SecurityMonitor(Log);
    }

    /// <summary>The node kind ("sensor", "broadcast").</summary>
    public string Kind => _module.Kind;

    /// <summary>The log ring.</summary>
    public LogRing Log { get; }

    /// <summary>All settings.</summary>
    public Settings Settings { get; }

    /// <summary>Indexes of the core settings.</summary>
    public CoreSettings Core { get; }

    /// <summary>The command replay window.</summary>
    public ReplayWindow Replay { get; }

    /// <summary>The command verifier.</summary>
    public CommandVerifier Verifier { get; }

    /// <summary>The broker session.</summary>
    public MqttSession Session { get; }

    /// <summary>Store and forward.</summary>
    public Outbox Outbox { get; }

    /// <summary>Console command table.</summary>
    public ConsoleCommandTable Commands { get; }

    /// <summary>The serial console.</summary>
    public SerialConsole Console { get; }

    /// <summary>The hardware.</summary>
    public NodeHardware Hardware => _hw;

    /// <summary>The node kind's module.</summary>
    public INodeModule Module => _module;

    /// <summary>Counters of refused commands.</summary>
    public SecurityMonitor Security => _security;

    /// <summary>True when the replay window or outbox meta could not be read at boot.</summary>
    public bool StorageFault { get; private set; }

    /// <summary>The time of the last Tick (monotonic ms).</summary>
    public long NowMs => _nowMs;

    /// <summary>Milliseconds since <see cref="Boot"/>.</summary>
    public long UptimeMs => _nowMs - _bootMs;

    /// <summary>
    /// <paramref name="periodMs"/> shortened by up to a tenth at random, for the next interval of a
    /// periodic message. Boards that booted together (power back after a district-wide cut) would
    /// otherwise send in step for ever and reach the broker as one burst; never lengthened, so a
    /// reader expecting one message per period is never kept waiting.
    /// </summary>
    public long ShortenedAtRandom(long periodMs) => periodMs - _random.NextLong((periodMs / 10) + 1);

    /// <summary>Commands verified and acted upon since boot.</summary>
    public int CommandsAccepted { get; private set; }

    /// <summary>True when identity, broker, credentials and key are set.</summary>
    public bool IsProvisioned => Core.IsProvisioned(Settings);

    /// <summary>The node id, or null before provisioning.</summary>
    public string NodeId => Settings.GetText(Core.NodeId);

    /// <summary>Loads state, registers commands and starts the module. Call once, first.</summary>
    public void Boot(long nowMs)
    {
        _nowMs = nowMs;
        _bootMs = nowMs;
        Log.SetTime(nowMs);
        _module.RegisterSettings(Settings);
        int loaded = Settings.Load(_hw.Flash);
        if (loaded == SettingsLoadResult.Corrupt)
        {
            Log.Error("config", "settings store corrupt; running on safe defaults");
        }
        else if (loaded == SettingsLoadResult.Repaired)
        {
            Log.Warn("config", "some stored settings were invalid and reset to defaults");
        }

        if (!Replay.Load())
        {
            StorageFault = true;
            Log.Error("auth", "replay window record corrupt; relying on command expiry");
        }

        Outbox.Load();
        CoreConsoleCommands.Register(this);
        _module.RegisterConsoleCommands(Commands);
        Log.Info("boot", Kind + " firmware " + FirmwareVersion + ", boot reason " + _hw.System.BootReason
            + ", config " + SettingsLoadResult.ToText(loaded));
        ApplySettings(nowMs);
        _module.Start(this, nowMs);
    }

    /// <summary>One cooperative step: console, session, inbound messages, heartbeat, security, module, then the outbox.</summary>
    public void Tick(long nowMs)
    {
        _nowMs = nowMs;
        Log.SetTime(nowMs);
        Console.Tick();
        Session.Tick(nowMs);
        for (int i = 0; i < MessagesPerTick; i++)
        {
            MqttInboundMessage message = _hw.Mqtt.TryReceive();
            if (message == null)
            {
                break;
            }

            Dispatch(message, nowMs);
        }

        if (Session.IsConnected && nowMs >= _nextHeartbeatMs)
        {
            PublishHeartbeat(nowMs);
        }

        _security.Tick(nowMs, this);
        _module.Tick(nowMs);

        // After the module, so what it stored this tick (a level event, a broadcast's result) goes
        // out now rather than a loop later; acknowledgements were dispatched above, freeing the window.
        Outbox.Tick(nowMs, Session, _streamTopics);
        if (_rebootAtMs >= 0 && nowMs >= _rebootAtMs)
        {
            _rebootAtMs = -1;
            Log.Warn("boot", "rebooting on request");
            _hw.System.Reboot();
        }
    }

    /// <summary>
    /// The earliest time (monotonic ms) <see cref="Tick"/> would act on a timer, with no new input: the
    /// heartbeat, a reconnect attempt or connect timeout, resending what the broker has not
    /// acknowledged, a held-back security event, a requested reboot, and the module's own timers.
    /// <see cref="long.MaxValue"/> when none. Inputs (messages, console lines, switches, the player's
    /// busy line) are not timers: a loop that waits for this must also wake on them. Routine
    /// self-checks a module leaves out (an idle player's status query) run at the next pass. The simulator
    /// steps an idle node when this falls due; on a board it says how long the loop could sleep.
    /// </summary>
    public long NextTimerMs()
    {
        long next = _module.NextTimerMs(_nowMs);
        next = IntMath.Min(next, Session.IsConnected ? _nextHeartbeatMs : Session.NextTimerMs);
        next = IntMath.Min(next, Outbox.ResendDueMs);
        next = IntMath.Min(next, _security.NextEventMs);
        return _rebootAtMs >= 0 ? IntMath.Min(next, _rebootAtMs) : next;
    }

    /// <summary>
    /// Re-reads settings into the running services. Reconnects only when the identity, broker or
    /// credentials changed. Called at boot, after provisioning and after configuration changes.
    /// </summary>
    public void ApplySettings(long nowMs)
    {
        Log.MinLevel = (int)Settings.GetNumber(Core.LogLevel);
        _heartbeatPeriodMs = Settings.GetNumber(Core.HeartbeatS) * 1000;
        _nextHeartbeatMs = nowMs;
        _backoff.BaseMs = Settings.GetNumber(Core.BackoffBaseMs);
        _backoff.CapMs = Settings.GetNumber(Core.BackoffCapMs);
        if (!IsProvisioned)
        {
            Log.Warn("config", "not provisioned; use the 'provision' console command");
            Verifier.SetIdentity(null, null);
            if (Session.State != SessionState.Idle)
            {
                Session.Stop();
            }

            _connectionFingerprint = null;
            return;
        }

        string id = NodeId;
        string fingerprint = id + "|" + Settings.GetText(Core.Community) + "|" + Settings.GetText(Core.MqttHost) + "|"
            + Settings.Display(Core.MqttPort) + "|" + Settings.Display(Core.MqttTls) + "|" + Settings.GetText(Core.MqttUser) + "|"
            + Settings.GetText(Core.MqttPassword) + "|" + Settings.Display(Core.KeepAliveS) + "|" + System.Convert.ToBase64String(Settings.GetKey(Core.AuthKey));
        string[] extra = _module.ExtraSubscriptions();
        for (int i = 0; i < extra.Length; i++)
        {
            // A changed local-rule source must be subscribed to, which needs a fresh session.
            fingerprint += "|" + extra[i];
        }

        Verifier.SetIdentity(id, Settings.GetKey(Core.AuthKey));
        if (fingerprint == _connectionFingerprint)
        {
            return;
        }

        _connectionFingerprint = fingerprint;
        _streamTopics[OutboxStream.Report] = Topics.Node(id, Topics.ReportLeaf);
        _streamTopics[OutboxStream.Event] = Topics.Node(id, Topics.EventLeaf);
        _streamTopics[OutboxStream.Result] = Topics.Node(id, Topics.ResultLeaf);
        _nodeCommandTopic = Topics.Node(id, Topics.CommandLeaf);
        _areaCommandTopic = Topics.AreaCommand(Settings.GetText(Core.Community));
        _ackTopic = Topics.Node(id, Topics.AckLeaf);
        _heartbeatTopic = Topics.Node(id, Topics.HeartbeatLeaf);
        var subscriptions = new string[3 + extra.Length];
        subscriptions[0] = _nodeCommandTopic;
        subscriptions[1] = _areaCommandTopic;
        subscriptions[2] = _ackTopic;
        System.Array.Copy(extra, 0, subscriptions, 3, extra.Length);

        string statusTopic = Topics.Node(id, Topics.StatusLeaf);
        var request = new MqttConnectRequest
        {
            Host = Settings.GetText(Core.MqttHost),
            Port = (int)Settings.GetNumber(Core.MqttPort),
            UseTls = Settings.GetBool(Core.MqttTls),
            ClientId = id,
            UserName = Settings.GetText(Core.MqttUser),
            Password = Settings.GetText(Core.MqttPassword),
            WillTopic = statusTopic,
            WillPayload = StatusPayload(false),
            KeepAliveS = (int)Settings.GetNumber(Core.KeepAliveS),
            CleanSession = false,
        };
        if (Session.State != SessionState.Idle)
        {
            _hw.Mqtt.Disconnect();
        }

        Session.Configure(request, statusTopic, StatusPayload(true), subscriptions, nowMs);
    }

    /// <summary>
    /// Reports a command's state to the controller through the outbox (QoS 1, never lost) and
    /// remembers it for redeliveries. <paramref name="reason"/> may be null.
    /// </summary>
    public void PublishResult(VerifiedCommand command, string state, string reason)
    {
        PublishResultFor(command.Seq, command.Id, command.Kind, state, reason);
    }

    /// <summary>Schedules a reboot after <paramref name="delayMs"/> (lets the outbox send the result first).</summary>
    public void ScheduleReboot(long delayMs) => _rebootAtMs = _nowMs + delayMs;

    /// <summary>Writes "t" (UTC ms) when the node has trusted time; it is left out otherwise.</summary>
    public void WriteTime(JsonWriter writer)
    {
        if (_hw.Clock.TryGetUtcMs(out long utc))
        {
            writer.Property("t", utc);
        }
    }
}
