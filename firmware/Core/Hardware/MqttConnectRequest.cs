namespace Tocsin.Firmware.Hardware;

/// <summary>What a connection attempt needs. Built once per session configuration.</summary>
public sealed class MqttConnectRequest
{
    /// <summary>Broker host name or address.</summary>
    public string Host;

    /// <summary>Broker TCP port (1883 plain, 8883 TLS).</summary>
    public int Port;

    /// <summary>Use TLS to the broker.</summary>
    public bool UseTls;

    /// <summary>MQTT client id; the node id, so the broker's ACL can bind it.</summary>
    public string ClientId;

    /// <summary>Per-node user name.</summary>
    public string UserName;

    /// <summary>Per-node password.</summary>
    public string Password;

    /// <summary>Last-will topic (the node's status topic).</summary>
    public string WillTopic;

    /// <summary>Last-will payload ("offline" status), published retained by the broker.</summary>
    public byte[] WillPayload;

    /// <summary>Keep-alive in seconds; the broker declares the node gone after 1.5 times this.</summary>
    public int KeepAliveS;

    /// <summary>
    /// Ask for a persistent session so QoS 1 commands queued while the node was away still arrive;
    /// the node's replay window makes redelivery harmless.
    /// </summary>
    public bool CleanSession;
}
