using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Runtime;

/// <summary>
/// The hardware every node has, handed to <see cref="NodeRuntime"/> by the composition root
/// (the device Program, the simulator, a test). Node-specific hardware goes to the node module.
/// </summary>
public sealed class NodeHardware
{
    /// <summary>Monotonic and UTC time.</summary>
    public IClock Clock;

    /// <summary>The broker connection.</summary>
    public IMqttLink Mqtt;

    /// <summary>Persistent storage.</summary>
    public IFlashStore Flash;

    /// <summary>The technician's serial console.</summary>
    public ISerialLine ConsoleLine;

    /// <summary>HMAC-SHA256 (native on the board).</summary>
    public IHmacSha256 Hmac;

    /// <summary>Memory, signal, boot reason, reboot.</summary>
    public ISystemInfo System;

    /// <summary>Where log lines go besides the ring (may be null).</summary>
    public ILogSink LogSink;
}
