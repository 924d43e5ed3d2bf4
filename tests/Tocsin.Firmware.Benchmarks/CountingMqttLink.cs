using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Benchmarks;

/// <summary>
/// A connected link that only counts: it copies nothing, so what a benchmark measures is what the
/// firmware allocates, not the stand-in broker.
/// </summary>
internal sealed class CountingMqttLink : IMqttLink
{
    private MqttInboundMessage? _pending;

    public MqttLinkState State { get; private set; } = MqttLinkState.Disconnected;

    public string LastError => null!;

    public int PublishCount { get; private set; }

    public void BeginConnect(MqttConnectRequest request) => State = MqttLinkState.Connected;

    public bool Subscribe(string topic, int qos) => true;

    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        PublishCount++;
        return true;
    }

    public MqttInboundMessage TryReceive()
    {
        MqttInboundMessage? m = _pending;
        _pending = null;
        return m!;
    }

    public void Disconnect() => State = MqttLinkState.Disconnected;

    public void Deliver(MqttInboundMessage message) => _pending = message;
}
