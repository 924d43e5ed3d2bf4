namespace Tocsin.Firmware.Hardware;

/// <summary>
/// A byte stream: the technician's console on USB/UART, a UART sensor, the clip player. Both calls
/// are non-blocking so one Tick never waits on a wire.
/// </summary>
public interface ISerialLine
{
    /// <summary>Copies up to <paramref name="count"/> received bytes; returns 0 when none are waiting.</summary>
    int Read(byte[] buffer, int offset, int count);

    /// <summary>Queues bytes for sending.</summary>
    void Write(byte[] buffer, int offset, int count);

    /// <summary>
    /// Received bytes dropped since boot because the receive buffer was full: what is read after a
    /// drop may be old, and what came last is missing.
    /// </summary>
    int OverflowCount { get; }
}
