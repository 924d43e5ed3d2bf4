using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Rules;

/// <summary>
/// The sensors a rule reads in one area, in the order first seen, with how many of them are at each
/// level now and how many read each level twice running. A street's rule has hundreds of sensors and
/// is judged again whenever one of them changes level, as they do all through a storm; the counts
/// answer each <see cref="Confirmation"/> without visiting the sensors.
/// </summary>
internal sealed class AreaSensors
{
    private const int Levels = (int)SensorLevel.Red + 1;
    private readonly int[] _current = new int[Levels];
    private readonly int[] _twice = new int[Levels];

    /// <summary>The sensors' ids, in the order first seen.</summary>
    public List<string> Ids { get; } = [];

    /// <summary>Counts <paramref name="state"/>'s levels in.</summary>
    public void Count(RuleSensorState state) => Tally(state, 1);

    /// <summary>Counts <paramref name="state"/>'s levels out (it was counted in before).</summary>
    public void Uncount(RuleSensorState state) => Tally(state, -1);

    /// <summary>
    /// The level the area's evidence confirms. SecondReading: the highest level a sensor read twice
    /// running. SecondSensor: the second-highest current level (two sensors at or above it). Otherwise
    /// the highest current level.
    /// </summary>
    public SensorLevel Confirmed(Confirmation confirm) => confirm switch
    {
        Confirmation.SecondReading => Highest(_twice, 1),
        Confirmation.SecondSensor => Highest(_current, 2),
        _ => Highest(_current, 1),
    };

    // The level of the nth sensor counting down from the top (ties counted each), None when fewer.
    private static SensorLevel Highest(int[] counts, int nth)
    {
        int seen = 0;
        for (int level = Levels - 1; level > 0; level--)
        {
            seen += counts[level];
            if (seen >= nth)
            {
                return (SensorLevel)level;
            }
        }

        return SensorLevel.None;
    }

    private void Tally(RuleSensorState state, int delta)
    {
        _current[Index(state.Current)] += delta;
        _twice[Index(state.Current < state.Previous ? state.Current : state.Previous)] += delta;
    }

    // Levels come from the parser or a saved snapshot; anything outside the scale counts as its nearest end.
    private static int Index(SensorLevel level) => Math.Clamp((int)level, 0, Levels - 1);
}
