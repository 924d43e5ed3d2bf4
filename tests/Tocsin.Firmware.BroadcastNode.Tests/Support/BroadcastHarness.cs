using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Tocsin.Controller.Security;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Runtime;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Tests.Support;

/// <summary>
/// One broadcast node on virtual time with simulated amplifier, relays (with feedback contacts),
/// tone output, clip player, current sense, power and switches — plus the controller's side:
/// signing commands, acknowledging the outbox (unless told to be silent), reading results and
/// events. Reboot keeps flash and hardware as they were (relays included) and rebuilds the node.
/// </summary>
public sealed class BroadcastHarness
{
    public const long StartUtcMs = 1_764_000_000_000;
    public const string NodeId = "bn-0001";
    public const string Community = "licheng-fuqiao";
    public const int DrillClip = 1;
    public const int AllClearClip = 2;

    private long _seq = 100;
    private int _publishedSeen;
    private long _ackedUpTo;

    public BroadcastHarness(bool timeSynchronized = true, int zones = 2)
    {
        Key = Enumerable.Range(0, 32).Select(i => (byte)((i * 7) + 3)).ToArray();
        Flash = new SimFlashStore();
        Clock = new SimClock(StartUtcMs, timeSynchronized);
        Link = new ScriptedMqttLink();
        Serial = new SimSerialLine();
        System = new SimSystemInfo(12345);
        Sink = new RecordingLogSink();
        Amp = new SimDigitalOutput("amp");
        Zones = Enumerable.Range(1, zones).Select(i => new SimDigitalOutput("zone" + i)).ToArray();
        Feedback = Zones.Select(z => new SimRelayContact(z)).ToArray();
        Tone = new SimToneOutput();
        Player = new SimClipPlayer(Clock);
        Amplifier = new SimAmplifier(Amp, Zones, Tone, Player);
        Mains = new SimDigitalInput(Clock, active: true);
        Battery = new SimAnalogInput(12800);
        Tamper = new SimDigitalInput(Clock);
        TestButton = new SimDigitalInput(Clock);
        StopSwitch = new SimDigitalInput(Clock);
        Floats = new[] { new SimDigitalInput(Clock), new SimDigitalInput(Clock) };
        Player.SetTrack(DrillClip, 3000);
        Player.SetTrack(AllClearClip, 4000);
        for (int t = 3; t <= 20; t++)
        {
            Player.SetTrack(t, 5000);
        }

        Build();
        Provision();
        Tick(10);
    }

    public byte[] Key { get; }

    public SimFlashStore Flash { get; }

    public SimClock Clock { get; }

    public ScriptedMqttLink Link { get; }

    public SimSerialLine Serial { get; }

    public SimSystemInfo System { get; }

    public RecordingLogSink Sink { get; }

    public SimDigitalOutput Amp { get; }

    public SimDigitalOutput[] Zones { get; }

    public SimRelayContact[] Feedback { get; }

    public SimToneOutput Tone { get; }

    public SimClipPlayer Player { get; }

    public SimAmplifier Amplifier { get; }

    public SimDigitalInput Mains { get; }

    public SimAnalogInput Battery { get; }

    public SimDigitalInput Tamper { get; }

    public SimDigitalInput TestButton { get; }

    public SimDigitalInput StopSwitch { get; }

    public SimDigitalInput[] Floats { get; }

    public Timeline Timeline { get; } = new();

    public NodeRuntime Runtime { get; private set; }

    public BroadcastModule Module { get; private set; }

    /// <summary>Outputs as the module's constructor left them: "amp=off zones=00 tone=0".</summary>
    public string StateAfterConstruction { get; private set; }

    /// <summary>Whether the player's BUSY output is wired (at the next build or reboot).</summary>
    public bool WireBusy { get; set; }

    /// <summary>When false the controller never acknowledges: it is silent (gone).</summary>
    public bool ControllerAcks { get; set; } = true;

    /// <summary>Virtual time since the test began (continuous across reboots), ms.</summary>
    public long WorldMs => Clock.TrueUtcMs - StartUtcMs;

    public string Topic(string leaf) => "tocsin/v1/node/" + NodeId + "/" + leaf;

    public string Console(string line)
    {
        Serial.TakeOutput();
        Serial.Type(line + "\r\n");
        var reply = new StringBuilder();
        for (int i = 0; i < 100 && !reply.ToString().EndsWith("tocsin> ", StringComparison.Ordinal); i++)
        {
            Tick(1);
            reply.Append(Serial.TakeOutput());
        }

        return reply.ToString();
    }

    /// <summary>Changes a setting as the technician would (validated, saved).</summary>
    public void Set(string name, string value)
    {
        string reply = Console("config set " + name + " " + value);
        if (!reply.Contains("ok\r\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("config set failed: " + reply);
        }
    }

    public void Tick(long advanceMs = 0)
    {
        Clock.Advance(advanceMs);
        Runtime.Tick(Clock.MonotonicMs());
        Record();
        if (ControllerAcks)
        {
            AckNew();
        }
    }

    /// <summary>Runs ticks every <paramref name="stepMs"/> for <paramref name="durationMs"/>.</summary>
    public void Run(long durationMs, long stepMs = 50)
    {
        for (long t = 0; t < durationMs; t += stepMs)
        {
            Tick(stepMs);
        }
    }

    /// <summary>Runs until <paramref name="condition"/> holds (true) or <paramref name="maxMs"/> passes (false).</summary>
    public bool RunUntil(Func<bool> condition, long maxMs, long stepMs = 50)
    {
        for (long t = 0; t < maxMs; t += stepMs)
        {
            if (condition())
            {
                return true;
            }

            Tick(stepMs);
        }

        return condition();
    }

    /// <summary>Power cycle: same flash and hardware (relays stay as they were), a new runtime.</summary>
    public void Reboot(string reason = "power_on")
    {
        Clock.Restart();
        System.AcknowledgeReboot(reason);
        Link.Disconnect();
        Build();
        Tick(10);
    }

    public long NextSeq() => ++_seq;

    public byte[] Sign(string kind, string mode, Action<Utf8JsonWriter> body, string id = null, long seq = 0, long lifetimeMs = 600_000, long issuedOffsetMs = 0)
    {
        long s = seq == 0 ? NextSeq() : seq;
        long iss = Clock.TrueUtcMs + issuedOffsetMs;
        var spec = new CommandSpec(id ?? ("cmd-" + s), s, kind, mode, iss, iss + lifetimeMs, body);
        return CommandSigner.SignForNode(spec, new NodeKey(NodeId, Key));
    }

    public void Deliver(byte[] envelope, bool retain = false, string topic = null)
    {
        Link.Deliver(topic ?? Topic("cmd"), envelope, retain);
        Tick(1);
    }

    /// <summary>Signs and delivers one command.</summary>
    public byte[] Send(string kind, string mode, Action<Utf8JsonWriter> body, string id = null, long seq = 0, long lifetimeMs = 600_000)
    {
        byte[] envelope = Sign(kind, mode, body, id, seq, lifetimeMs);
        Deliver(envelope);
        return envelope;
    }

    /// <summary>Every outbox message published on a leaf, once per (ep, seq), oldest first.</summary>
    public List<JsonElement> Outbox(string leaf) => Link.Published.Where(p => p.Topic == Topic(leaf))
        .Select(p => JsonDocument.Parse(p.Payload).RootElement.Clone())
        .GroupBy(e => e.GetProperty("ep").GetInt64() + ":" + e.GetProperty("seq").GetInt64())
        .Select(g => g.First())
        .OrderBy(e => e.GetProperty("ep").GetInt64() == Runtime.Outbox.Epoch ? 1 : 0)
        .ThenBy(e => e.GetProperty("seq").GetInt64())
        .ToList();

    public List<JsonElement> Results() => Outbox("result");

    /// <summary>The states reported for broadcast <paramref name="id"/>, as "state" or "state:reason".</summary>
    public List<string> States(string id) => Results().Where(r => r.GetProperty("cmd").GetString() == id).Select(StateText).ToList();

    /// <summary>The states reported for local activations (events "local_result").</summary>
    public List<string> LocalStates(string bid) => Events("local_result").Where(e => e.GetProperty("bid").GetString() == bid).Select(StateText).ToList();

    public List<JsonElement> Events(string type) => Outbox("event").Where(e => e.TryGetProperty("type", out JsonElement t) && t.GetString() == type).ToList();

    /// <summary>The last heartbeat published.</summary>
    public JsonElement LastHeartbeat() => JsonDocument.Parse(Link.Published.Last(p => p.Topic == Topic("hb")).Payload).RootElement.Clone();

    public static string StateText(JsonElement r) =>
        r.GetProperty("state").GetString() + (r.TryGetProperty("reason", out JsonElement reason) ? ":" + reason.GetString() : string.Empty);

    private void Provision()
    {
        string reply = Console("provision node.id=" + NodeId + " node.community=" + Community
            + " mqtt.host=127.0.0.1 mqtt.user=" + NodeId + " mqtt.pass=secret-pass-1 auth.key=" + Convert.ToBase64String(Key));
        if (!reply.Contains("ok\r\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("provisioning failed: " + reply);
        }
    }

    private void Build()
    {
        var hw = new BroadcastHardware
        {
            AmplifierPower = Amp,
            Zones = Zones,
            ZoneFeedback = Feedback,
            Tone = Tone,
            PlayerLine = Player,
            PlayerBusy = WireBusy ? Player.Busy : null,
            LoadCurrent = Amplifier.Sense,
            Mains = Mains,
            Battery = Battery,
            Tamper = Tamper,
            TestButton = TestButton,
            StopSwitch = StopSwitch,
            LevelSwitches = Floats,
        };
        Module = new BroadcastModule(hw);
        StateAfterConstruction = "amp=" + (Amp.IsOn ? "on" : "off") + " zones=" + string.Concat(Zones.Select(z => z.IsOn ? "1" : "0")) + " tone=" + Tone.FrequencyHz;
        var node = new NodeHardware
        {
            Clock = Clock,
            Mqtt = Link,
            Flash = Flash,
            ConsoleLine = Serial,
            Hmac = new HostHmacSha256(),
            System = System,
            LogSink = Sink,
        };
        Runtime = new NodeRuntime(node, Module);
        Runtime.Boot(Clock.MonotonicMs());
        _publishedSeen = 0;
        _ackedUpTo = 0;
    }

    private void Record()
    {
        long t = WorldMs;
        Timeline.Note(t, "amp", Amp.IsOn ? "on" : "off");
        for (int i = 0; i < Zones.Length; i++)
        {
            Timeline.Note(t, "zone" + (i + 1), Zones[i].IsOn ? "on" : "off");
        }

        int hz = Tone.FrequencyHz;
        Timeline.Note(t, "tone", hz > 0 && hz < SimAmplifier.PilotFromHz ? "on" : "off");
        Timeline.Note(t, "pilot", hz >= SimAmplifier.PilotFromHz ? "on" : "off");
        Timeline.Note(t, "clip", Player.CurrentTrack.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        Timeline.Note(t, "audible", Amplifier.Audible ? "on" : "off");
    }

    private void AckNew()
    {
        IReadOnlyList<PublishedMessage> published = Link.Published;
        long max = _ackedUpTo;
        for (int i = _publishedSeen; i < published.Count; i++)
        {
            PublishedMessage p = published[i];
            if (p.Topic == Topic("result") || p.Topic == Topic("event") || p.Topic == Topic("report"))
            {
                using JsonDocument doc = JsonDocument.Parse(p.Payload);
                max = Math.Max(max, doc.RootElement.GetProperty("seq").GetInt64());
            }
        }

        _publishedSeen = published.Count;
        if (max > _ackedUpTo)
        {
            _ackedUpTo = max;
            Link.Deliver(Topic("ack"), Encoding.UTF8.GetBytes("{\"ep\":" + Runtime.Outbox.Epoch + ",\"upto\":" + max + "}"));
        }
    }
}
