namespace Tocsin.Firmware.Hardware;

/// <summary>Where an <see cref="IMqttLink"/> stands.</summary>
public enum MqttLinkState
{
    /// <summary>No connection and no attempt in progress.</summary>
    Disconnected = 0,

    /// <summary>An attempt started by BeginConnect has not finished.</summary>
    Connecting = 1,

    /// <summary>CONNACK accepted; publish and subscribe work.</summary>
    Connected = 2,

    /// <summary>The last attempt failed; <see cref="IMqttLink.LastError"/> says why.</summary>
    Failed = 3,
}
