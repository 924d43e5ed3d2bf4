namespace Tocsin.Firmware.Hardware;

/// <summary>
/// Counts pulses (the tipping bucket's reed switch). The raw edge times are handed over, not a
/// bare count, because reed contacts bounce: the logic applies its own lockout so that bounce
/// can never be counted as rain, whatever the adapter's hardware filter does.
/// </summary>
public interface IPulseCounter
{
    /// <summary>
    /// Copies up to <c>pulseTimesMs.Length</c> pending pulse times (monotonic ms, oldest first)
    /// into the buffer and removes them; returns how many were copied. Call until it returns 0.
    /// </summary>
    int DrainPulses(long[] pulseTimesMs);

    /// <summary>Pulses lost because the adapter's own queue overflowed since boot.</summary>
    int OverflowCount { get; }
}
