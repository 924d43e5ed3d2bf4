using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Tocsin.Controller.Security;
using Tocsin.Firmware.Runtime;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.Tests.Support;

/// <summary>
/// One node on virtual time with simulated hardware, plus the controller's side of the contract
/// (signing commands, acknowledging the outbox). Reboot keeps the flash and rebuilds the node.
/// </summary>
public sealed class NodeHarness
{
    public const long StartUtcMs = 1_764_000_000_000;
    public const string NodeId = "bn-0001";
    public const string Community = "licheng-fuqiao";

    private long _seq = 100;

    public NodeHarness(bool provisioned = true, bool timeSynchronized = true)
    {
        Key = new byte[32];
        for (int i = 0; i < 32; i++)
        {
            Key[i] = (byte)(i * 7 + 3);
        }

        Flash = new SimFlashStore();
        Clock = new SimClock(StartUtcMs, timeSynchronized);
        Link = new ScriptedMqttLink();
        Serial = new SimSerialLine();
        System = new SimSystemInfo(12345);
        Hmac = new HostHmacSha256();
        Sink = new RecordingLogSink();
        Build();
        if (provisioned)
        {
            Provision();
        }
    }

    public byte[] Key { get; }

    public SimFlashStore Flash { get; }

    public SimClock Clock { get; }

    public ScriptedMqttLink Link { get; }

    public SimSerialLine Serial { get; }

    public SimSystemInfo System { get; }

    public HostHmacSha256 Hmac { get; }

    public RecordingLogSink Sink { get; }

    public NodeRuntime Runtime { get; private set; }

    public RecordingNodeModule Module { get; private set; }

    public string Topic(string leaf) => "tocsin/v1/node/" + NodeId + "/" + leaf;

    public string AreaTopic => "tocsin/v1/area/" + Community + "/cmd";

    /// <summary>Provisions through the console, as a technician would.</summary>
    public void Provision()
    {
        string reply = Console("provision node.id=" + NodeId + " node.community=" + Community
            + " mqtt.host=127.0.0.1 mqtt.user=" + NodeId + " mqtt.pass=secret-pass-1 auth.key=" + Convert.ToBase64String(Key));
        if (!reply.Contains("ok\r\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("provisioning failed: " + reply);
        }
    }

    /// <summary>Types a line on the console, runs a tick, returns what the node answered.</summary>
    public string Console(string line)
    {
        Serial.TakeOutput();
        Serial.Type(line + "\r\n");
        var reply = new StringBuilder();
        for (int i = 0; i < 100 && !reply.ToString().EndsWith("tocsin> ", StringComparison.Ordinal); i++)
        {
            Tick();
            reply.Append(Serial.TakeOutput());
        }

        return reply.ToString();
    }

    public void Tick(long advanceMs = 0)
    {
        Clock.Advance(advanceMs);
        Runtime.Tick(Clock.MonotonicMs());
    }

    /// <summary>Runs ticks every <paramref name="stepMs"/> for <paramref name="durationMs"/>.</summary>
    public void Run(long durationMs, long stepMs = 100)
    {
        for (long t = 0; t < durationMs; t += stepMs)
        {
            Tick(stepMs);
        }
    }

    /// <summary>Power cycle: the same flash, a new runtime from scratch.</summary>
    public void Reboot(string reason = "power_on")
    {
        Clock.Restart();
        System.AcknowledgeReboot(reason);
        Link.Disconnect();
        Build();
    }

    public long NextSeq() => ++_seq;

    public CommandSpec Spec(string kind, string mode = "live", long? seq = null, long lifetimeMs = 600_000, long issuedOffsetMs = 0, Action<Utf8JsonWriter> body = null, string id = null)
    {
        long s = seq ?? NextSeq();
        long iss = Clock.TrueUtcMs + issuedOffsetMs;
        return new CommandSpec(id ?? ("cmd-" + s), s, kind, mode, iss, iss + lifetimeMs, body);
    }

    public byte[] Sign(CommandSpec spec) => CommandSigner.SignForNode(spec, new NodeKey(NodeId, Key));

    public void DeliverCommand(byte[] envelope, bool retain = false, string topic = null)
    {
        Link.Deliver(topic ?? Topic("cmd"), envelope, retain);
        Tick();
    }

    /// <summary>Publishes to a topic, as text.</summary>
    public List<PublishedMessage> PublishedTo(string leaf) => Link.Published.Where(p => p.Topic == Topic(leaf)).ToList();

    /// <summary>Result messages as parsed JSON.</summary>
    public List<JsonElement> Results() => PublishedTo("result").Select(p => JsonDocument.Parse(p.Payload).RootElement.Clone()).ToList();

    /// <summary>Acknowledges everything up to <paramref name="upto"/> for the node's epoch.</summary>
    public void Ack(long upto)
    {
        Link.Deliver(Topic("ack"), Encoding.UTF8.GetBytes("{\"ep\":" + Runtime.Outbox.Epoch + ",\"upto\":" + upto + "}"));
        Tick();
    }

    private void Build()
    {
        Module = new RecordingNodeModule();
        var hardware = new NodeHardware
        {
            Clock = Clock,
            Mqtt = Link,
            Flash = Flash,
            ConsoleLine = Serial,
            Hmac = Hmac,
            System = System,
            LogSink = Sink,
        };
        Runtime = new NodeRuntime(hardware, Module);
        Runtime.Boot(Clock.MonotonicMs());
    }
}
