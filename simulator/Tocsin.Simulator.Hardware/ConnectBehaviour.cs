namespace Tocsin.Simulator.Hardware;

/// <summary>How a <see cref="ScriptedMqttLink"/> answers connection attempts.</summary>
public enum ConnectBehaviour
{
    /// <summary>CONNACK accepted at once.</summary>
    Accept,

    /// <summary>Refused at once.</summary>
    Refuse,

    /// <summary>No answer until the test completes it (or the session times out).</summary>
    Hang,
}
