namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// One raw depth sample from whatever sensor the site has. Implementations turn their measurement
/// (distance down to the water, or pressure) into depth above the dry reference, in millimetres.
/// </summary>
public interface IDepthSource
{
    /// <summary>"ultrasonic" or "pressure".</summary>
    string Kind { get; }

    /// <summary>Reads what arrived from the sensor since the last call (non-blocking).</summary>
    void Poll(long nowMs);

    /// <summary>
    /// Takes a fresh sample: depth (mm, may be slightly negative when dry) and the sensor's raw value
    /// (distance mm, or current µA). False when no fresh measurement exists or it is out of the
    /// sensor's physical range.
    /// </summary>
    bool TryTakeSample(long nowMs, out int depthMm, out int raw);

    /// <summary>The latest measurement as <see cref="TryTakeSample"/> would give it, without using it up (for display).</summary>
    bool TryPeekSample(long nowMs, out int depthMm, out int raw);

    /// <summary>
    /// Takes the measurements a sensor that streams on its own sent since the last call and still
    /// fresh, newest <paramref name="max"/> of them, oldest first: depth, raw value and whether each is
    /// in range. Returns how many (0 for a sensor read on demand, or none new).
    /// </summary>
    int TakeRecent(long nowMs, int max, int[] depthsMm, int[] raws, bool[] valid);

    /// <summary>True when the sensor has said nothing for too long (wiring, power, dead sensor).</summary>
    bool IsTimedOut(long nowMs);

    /// <summary>Makes the current raw value the dry reference (depth 0); false without a fresh value.</summary>
    bool CalibrateDry(long nowMs);
}
