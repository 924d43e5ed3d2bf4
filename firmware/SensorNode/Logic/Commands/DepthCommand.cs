using Tocsin.Firmware.Console;
using Tocsin.Firmware.SensorNode.Depth;
using Tocsin.Firmware.SensorNode.Levels;

namespace Tocsin.Firmware.SensorNode.Commands;

/// <summary><c>depth</c>: filtered depth, quality, rise and the local level with its thresholds.</summary>
public sealed class DepthCommand : IConsoleCommand
{
    private readonly SensorModule _m;

    /// <summary>Creates the command.</summary>
    public DepthCommand(SensorModule module)
    {
        _m = module;
    }

    /// <inheritdoc />
    public string Name => "depth";

    /// <inheritdoc />
    public string Usage => "depth";

    /// <inheritdoc />
    public string Summary => "filtered water depth, rise rate and local level";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        DepthChannel d = _m.Depth;
        if (d.Source == null)
        {
            return "no depth sensor configured (depth.sensor)";
        }

        output.Field("depth", (d.Filter.HasDepth ? d.Filter.DepthMm.ToString() + " mm" : "no reading yet") + " quality=" + d.Filter.Quality);
        output.Field("rise", d.Rise.TryGetRiseMmPer10Min(out int rise) ? rise.ToString() + " mm per 10 min" : "not known yet (needs 5 min of readings)");
        output.Field("level", WarningLevel.ToText(d.Levels.Level) + " (blue " + d.Levels.Threshold(1).ToString() + ", yellow " + d.Levels.Threshold(2).ToString()
            + ", orange " + d.Levels.Threshold(3).ToString() + ", red " + d.Levels.Threshold(4).ToString() + " mm; hysteresis " + d.Levels.Hysteresis.ToString() + " mm)");
        output.Field("sensor", d.Source.Kind + " last_raw=" + d.LastRaw.ToString() + " reading_every_s=" + (d.ReadingIntervalMs / 1000).ToString() + " readings=" + d.Readings.ToString());
        return null;
    }
}
