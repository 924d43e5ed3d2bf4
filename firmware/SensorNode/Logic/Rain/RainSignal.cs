using Tocsin.Firmware.SensorNode.Levels;

namespace Tocsin.Firmware.SensorNode.Rain;

/// <summary>
/// China's rainstorm warning signals as the node's own gauge supports them: blue ≥ 50 mm in 12 h,
/// yellow ≥ 50 mm in 6 h, orange ≥ 50 mm in 3 h, red ≥ 100 mm in 3 h (all configurable, in mm
/// scaled by 100 like the totals). The highest signal whose condition holds wins.
/// </summary>
public sealed class RainSignal
{
    /// <summary>Blue: this much in 12 h (mm×100).</summary>
    public long BlueMm12hX100 { get; set; } = 5000;

    /// <summary>Yellow: this much in 6 h (mm×100).</summary>
    public long YellowMm6hX100 { get; set; } = 5000;

    /// <summary>Orange: this much in 3 h (mm×100).</summary>
    public long OrangeMm3hX100 { get; set; } = 5000;

    /// <summary>Red: this much in 3 h (mm×100).</summary>
    public long RedMm3hX100 { get; set; } = 10000;

    /// <summary>The signal the totals support (see <see cref="WarningLevel"/>).</summary>
    public int Evaluate(long mm3hX100, long mm6hX100, long mm12hX100)
    {
        if (mm3hX100 >= RedMm3hX100)
        {
            return WarningLevel.Red;
        }

        if (mm3hX100 >= OrangeMm3hX100)
        {
            return WarningLevel.Orange;
        }

        if (mm6hX100 >= YellowMm6hX100)
        {
            return WarningLevel.Yellow;
        }

        return mm12hX100 >= BlueMm12hX100 ? WarningLevel.Blue : WarningLevel.None;
    }
}
