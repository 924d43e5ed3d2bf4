namespace Tocsin.Firmware.SensorNode.Levels;

/// <summary>
/// Maps a value (water depth in mm) to a warning level with hysteresis: a level is entered when the
/// value reaches its threshold and left only when it falls below threshold minus hysteresis, so
/// ripples at a threshold never make the level flap. A threshold of 0 or less disables that level.
/// </summary>
public sealed class LevelLadder
{
    private readonly long[] _thresholds = new long[4];

    /// <summary>The current level (see <see cref="WarningLevel"/>).</summary>
    public int Level { get; private set; }

    /// <summary>How far below a threshold the value must fall to leave its level.</summary>
    public long Hysteresis { get; set; }

    /// <summary>Sets the threshold of one level (1 blue .. 4 red).</summary>
    public void SetThreshold(int level, long value) => _thresholds[level - 1] = value;

    /// <summary>Threshold of one level (1 blue .. 4 red).</summary>
    public long Threshold(int level) => _thresholds[level - 1];

    /// <summary>Feeds a new value; returns true when the level changed.</summary>
    public bool Update(long value)
    {
        int before = Level;
        int reached = 0;
        for (int level = 1; level <= 4; level++)
        {
            long t = _thresholds[level - 1];
            if (t > 0 && value >= t)
            {
                reached = level;
            }
        }

        if (reached > Level)
        {
            Level = reached;
        }
        else
        {
            while (Level > 0 && (Threshold(Level) <= 0 || value < Threshold(Level) - Hysteresis))
            {
                Level--;
            }

            if (Level < reached)
            {
                Level = reached;
            }
        }

        return Level != before;
    }

    /// <summary>Forgets the level (e.g. the sensor failed: no evidence either way).</summary>
    public void Reset() => Level = 0;
}
