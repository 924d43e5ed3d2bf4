namespace Tocsin.Firmware.Mqtt;

/// <summary>Where the <see cref="MqttSession"/> stands.</summary>
public enum SessionState
{
    /// <summary>Not configured (no broker or identity yet).</summary>
    Idle = 0,

    /// <summary>Waiting out a backoff delay before the next attempt.</summary>
    Waiting = 1,

    /// <summary>An attempt is in progress.</summary>
    Connecting = 2,

    /// <summary>Connected, status published, subscriptions made.</summary>
    Connected = 3,
}
