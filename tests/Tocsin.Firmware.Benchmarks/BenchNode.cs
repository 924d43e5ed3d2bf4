using System.Text;
using Tocsin.Controller.Security;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Runtime;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.Benchmarks;

/// <summary>One provisioned, connected node on virtual time, with non-allocating stand-ins around it.</summary>
internal sealed class BenchNode
{
    public const string NodeId = "bn-0001";

    private readonly byte[] _key = Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray();
    private readonly SimClock _clock = new(1_764_000_000_000);
    private long _seq = 1000;

    public BenchNode()
    {
        var hardware = new NodeHardware
        {
            Clock = _clock,
            Mqtt = Link,
            Flash = new SlotFlashStore(),
            ConsoleLine = new SimSerialLine(),
            Hmac = new HostHmacSha256(),
            System = new SimSystemInfo(42),
            LogSink = null!,
        };
        Runtime = new NodeRuntime(hardware, new QuietModule());
        Runtime.Boot(0);
        Set("node.id", NodeId);
        Set("node.community", "c-1");
        Set("mqtt.host", "127.0.0.1");
        Set("mqtt.user", NodeId);
        Set("mqtt.pass", "bench-password");
        Set("auth.key", Convert.ToBase64String(_key));
        Runtime.ApplySettings(0);
        for (int i = 0; i < 10; i++)
        {
            Tick();
        }

        CommandTopic = "tocsin/v1/node/" + NodeId + "/cmd";
        AckTopic = "tocsin/v1/node/" + NodeId + "/ack";
        Ack = new MqttInboundMessage(AckTopic, Encoding.UTF8.GetBytes("{\"ep\":" + Runtime.Outbox.Epoch + ",\"upto\":9223372036854775807}"), 1, false, false);
    }

    public CountingMqttLink Link { get; } = new();

    public NodeRuntime Runtime { get; }

    public string CommandTopic { get; }

    public string AckTopic { get; }

    public MqttInboundMessage Ack { get; }

    public void Tick()
    {
        _clock.Advance(10);
        Runtime.Tick(_clock.MonotonicMs());
    }

    /// <summary>Signed "ping" commands with fresh sequence numbers, ready to deliver.</summary>
    public MqttInboundMessage[] SignedPings(int count)
    {
        var messages = new MqttInboundMessage[count];
        long iss = _clock.UtcAtZeroMs + _clock.MonotonicMs();
        for (int i = 0; i < count; i++)
        {
            long seq = ++_seq;
            var spec = new CommandSpec("ping-" + seq, seq, "ping", "live", iss, iss + 3_600_000);
            messages[i] = new MqttInboundMessage(CommandTopic, CommandSigner.SignForNode(spec, new NodeKey(NodeId, _key)), 1, false, false);
        }

        return messages;
    }

    /// <summary>One command through the node: delivered, verified, answered, result sent and acknowledged.</summary>
    public void Handle(MqttInboundMessage command)
    {
        Link.Deliver(command);
        Tick();
        Link.Deliver(Ack);
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
