using System.Text;
using System.Text.Json;
using Tocsin.Controller.Security;
using Tocsin.Firmware.BroadcastNode;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Runtime;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.Benchmarks;

/// <summary>
/// A provisioned, connected broadcast node with simulated amplifier, relays, tone, clip player and
/// inputs, on 20 ms ticks (the siren sweep's resolution), its outbox acknowledged as it fills.
/// </summary>
internal sealed class BroadcastBenchNode
{
    public const string NodeId = "bn-0001";
    public const long TickMs = 20;

    private readonly byte[] _key = Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray();
    private readonly SimClock _clock = new(1_764_000_000_000);
    private readonly MqttInboundMessage _ack;
    private long _seq = 1000;

    public BroadcastBenchNode()
    {
        var amp = new SimDigitalOutput("amp");
        var zones = new[] { new SimDigitalOutput("zone1"), new SimDigitalOutput("zone2") };
        var tone = new SimToneOutput();
        Player = new SimClipPlayer(_clock);
        Player.SetTrack(10, 600_000);
        var amplifier = new SimAmplifier(amp, zones, tone, Player);
        Module = new BroadcastModule(new BroadcastHardware
        {
            AmplifierPower = amp,
            Zones = zones,
            ZoneFeedback = zones.Select(z => (IDigitalInput)new SimRelayContact(z)).ToArray(),
            Tone = tone,
            PlayerLine = Player,
            LoadCurrent = amplifier.Sense,
            Mains = new SimDigitalInput(_clock, active: true),
            Battery = new SimAnalogInput(12800),
            Tamper = new SimDigitalInput(_clock),
            TestButton = new SimDigitalInput(_clock),
            StopSwitch = new SimDigitalInput(_clock),
            LevelSwitches = new IDigitalInput[] { new SimDigitalInput(_clock), new SimDigitalInput(_clock) },
        });
        var hardware = new NodeHardware
        {
            Clock = _clock,
            Mqtt = Link,
            Flash = new SlotFlashStore(),
            ConsoleLine = new SimSerialLine(),
            Hmac = new HostHmacSha256(),
            System = new SimSystemInfo(11),
            LogSink = null!,
        };
        Runtime = new NodeRuntime(hardware, Module);
        Runtime.Boot(0);
        Set("node.id", NodeId);
        Set("node.community", "c-1");
        Set("mqtt.host", "127.0.0.1");
        Set("mqtt.user", NodeId);
        Set("mqtt.pass", "bench-password");
        Set("auth.key", Convert.ToBase64String(_key));
        Set("bn.max_activation_s", "3600");
        Runtime.ApplySettings(0);
        _ack = new MqttInboundMessage("tocsin/v1/node/" + NodeId + "/ack", Encoding.UTF8.GetBytes("{\"ep\":" + Runtime.Outbox.Epoch + ",\"upto\":9223372036854775807}"), 1, false, false);
    }

    public CountingMqttLink Link { get; } = new();

    public NodeRuntime Runtime { get; }

    public BroadcastModule Module { get; }

    public SimClipPlayer Player { get; }

    public void Tick()
    {
        _clock.Advance(TickMs);
        if (Runtime.Outbox.Count > 0)
        {
            Link.Deliver(_ack);
        }

        Runtime.Tick(_clock.MonotonicMs());
    }

    /// <summary>Delivers a signed live broadcast: a siren of <paramref name="sirenS"/> seconds then clip 10 (ten minutes long).</summary>
    public void Broadcast(string siren, int sirenS)
    {
        long seq = ++_seq;
        long iss = _clock.UtcAtZeroMs + _clock.MonotonicMs();
        var spec = new CommandSpec("alert-" + seq, seq, "broadcast", "live", iss, iss + 3_600_000, w =>
        {
            w.WriteString("level", "II");
            w.WriteString("siren", siren);
            w.WriteNumber("siren_s", sirenS);
            w.WriteStartArray("clips");
            w.WriteNumberValue(10);
            w.WriteEndArray();
        });
        Link.Deliver(new MqttInboundMessage("tocsin/v1/node/" + NodeId + "/cmd", CommandSigner.SignForNode(spec, new NodeKey(NodeId, _key)), 1, false, false));
        Tick();
    }

    private void Set(string name, string value)
    {
        string? error = Runtime.Settings.Set(name, value);
        if (error != null)
        {
            throw new InvalidOperationException(error);
        }
    }
}
