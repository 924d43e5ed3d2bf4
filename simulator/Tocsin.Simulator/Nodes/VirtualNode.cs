using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Runtime;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Simulator.Nodes;

/// <summary>
/// One simulated board running the real firmware runtime: its own virtual clock, flash that survives
/// reboots and power cuts, a serial console, and an MQTT link (a real MQTTnet connection in live mode).
/// Subclasses add the node kind's hardware and module.
/// </summary>
public abstract class VirtualNode
{
    private (int Epoch, long OldestSeq, int Count)? _outboxAtPowerOff;
    private readonly Func<IMqttLink> _linkFactory;

    /// <summary>Creates the node; nothing runs until <see cref="PowerOn"/>.</summary>
    protected VirtualNode(string id, long utcAtStartMs, int seed, Func<IMqttLink> linkFactory)
    {
        Id = id;
        Clock = new SimClock(utcAtStartMs);
        System = new SimSystemInfo(seed);
        _linkFactory = linkFactory;
    }

    /// <summary>Node id.</summary>
    public string Id { get; }

    /// <summary>The node's own clock (monotonic since its boot; UTC as synchronized).</summary>
    public SimClock Clock { get; }

    /// <summary>Flash; kept across reboots.</summary>
    public SimFlashStore Flash { get; } = new();

    /// <summary>The technician's console line.</summary>
    public SimSerialLine Console { get; } = new();

    /// <summary>Board facts and reboot requests.</summary>
    public SimSystemInfo System { get; }

    /// <summary>Log lines the firmware wrote.</summary>
    public RecordingLogSink Log { get; } = new(2000);

    /// <summary>The current MQTT link (a new one per power cycle, as a rebooted board opens a new socket).</summary>
    public IMqttLink? Link { get; private set; }

    /// <summary>The running firmware, or null while powered off.</summary>
    public NodeRuntime? Runtime { get; private set; }

    /// <summary>True while powered.</summary>
    public bool IsPowered => Runtime != null;

    /// <summary>Boots the firmware from flash (first boot, or after a power cut or reboot).</summary>
    public void PowerOn(string bootReason = "power_on")
    {
        System.AcknowledgeReboot(bootReason);
        Link = _linkFactory();
        var hardware = new NodeHardware
        {
            Clock = Clock,
            Mqtt = Link,
            Flash = Flash,
            ConsoleLine = Console,
            Hmac = new HostHmacSha256(),
            System = System,
            LogSink = Log,
        };
        Runtime = new NodeRuntime(hardware, CreateModule());
        Runtime.Boot(Clock.MonotonicMs());
    }

    /// <summary>Cuts power: the runtime stops, the socket dies without a DISCONNECT (the broker sends the will).</summary>
    public void PowerOff()
    {
        if (Link is ISeverableLink severable)
        {
            severable.Sever();
        }
        else
        {
            Link?.Disconnect();
        }

        _outboxAtPowerOff = OutboxHeld;
        Runtime = null;
        Clock.Restart();
    }

    /// <summary>
    /// What the outbox holds (epoch, oldest unacknowledged sequence, count): the running firmware's, or
    /// without power what it held when the power went (its flash keeps it); null if never powered.
    /// </summary>
    public (int Epoch, long OldestSeq, int Count)? OutboxHeld =>
        Runtime is { } runtime ? (runtime.Outbox.Epoch, runtime.Outbox.OldestSeq, runtime.Outbox.Count) : _outboxAtPowerOff;

    /// <summary>How far the last <see cref="Tick"/> moved this node's clock, ms.</summary>
    protected long LastAdvanceMs { get; private set; }

    /// <summary>Advances this node's clock to follow the world and runs one firmware step.</summary>
    public void Tick(long advanceMs)
    {
        Clock.Advance(advanceMs);
        LastAdvanceMs = advanceMs;
        NodeRuntime? runtime = Runtime;
        if (runtime == null)
        {
            return;
        }

        BeforeTick();
        runtime.Tick(Clock.MonotonicMs());
        if (System.RebootRequested)
        {
            PowerOff();
            PowerOn("software");
        }
    }

    /// <summary>Types a line on the console (as a technician would); the answer appears on <see cref="Console"/>.</summary>
    public void Type(string line) => Console.Type(line + "\r\n");

    /// <summary>Builds the node kind's module over its simulated hardware.</summary>
    protected abstract INodeModule CreateModule();

    /// <summary>Feeds the world into the simulated sensors before each firmware step.</summary>
    protected virtual void BeforeTick()
    {
    }
}
