namespace Tocsin.Firmware.Hardware;

/// <summary>
/// Our own small face in front of an MQTT client (nanoFramework.M2Mqtt on the board, MQTTnet or a
/// simulated network on the desktop). The session logic owns reconnects; the link never retries.
/// </summary>
public interface IMqttLink
{
    /// <summary>Current state; moves to Connected or Failed after BeginConnect.</summary>
    MqttLinkState State { get; }

    /// <summary>Why the last attempt failed or the connection dropped (for the console and status).</summary>
    string LastError { get; }

    /// <summary>
    /// Starts a connection attempt. A blocking client (M2Mqtt) may finish it before returning;
    /// an asynchronous one finishes it later. Either way the result shows in <see cref="State"/>.
    /// </summary>
    void BeginConnect(MqttConnectRequest request);

    /// <summary>Subscribes; returns false if the link is not connected or the request was refused.</summary>
    bool Subscribe(string topic, int qos);

    /// <summary>Publishes; returns false if the link is not connected or the client refused it.</summary>
    bool Publish(string topic, byte[] payload, int length, int qos, bool retain);

    /// <summary>Takes the oldest received message, or null when none is waiting.</summary>
    MqttInboundMessage TryReceive();

    /// <summary>Closes the connection cleanly (no last will is sent by the broker then).</summary>
    void Disconnect();
}
