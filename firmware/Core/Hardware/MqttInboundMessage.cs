namespace Tocsin.Firmware.Hardware;

/// <summary>One message received from the broker, as the link hands it over.</summary>
public sealed class MqttInboundMessage
{
    /// <summary>Creates a message.</summary>
    public MqttInboundMessage(string topic, byte[] payload, int qos, bool retain, bool duplicate)
    {
        Topic = topic;
        Payload = payload;
        Qos = qos;
        Retain = retain;
        Duplicate = duplicate;
    }

    /// <summary>The topic it was published to.</summary>
    public string Topic { get; }

    /// <summary>The raw payload bytes (UTF-8 JSON for Tocsin topics).</summary>
    public byte[] Payload { get; }

    /// <summary>Delivery QoS (0, 1 or 2).</summary>
    public int Qos { get; }

    /// <summary>
    /// Set when the broker delivered a stored retained message: never acted upon, because a stale
    /// retained command would re-fire a loudspeaker after every reconnect.
    /// </summary>
    public bool Retain { get; }

    /// <summary>The DUP flag: the broker is redelivering.</summary>
    public bool Duplicate { get; }
}
