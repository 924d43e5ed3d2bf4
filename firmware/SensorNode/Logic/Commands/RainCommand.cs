using Tocsin.Firmware.Console;
using Tocsin.Firmware.SensorNode.Levels;
using Tocsin.Firmware.SensorNode.Rain;

namespace Tocsin.Firmware.SensorNode.Commands;

/// <summary><c>rain</c>: rolling totals, rate and the rainstorm signal they support.</summary>
public sealed class RainCommand : IConsoleCommand
{
    private readonly SensorModule _m;

    /// <summary>Creates the command.</summary>
    public RainCommand(SensorModule module)
    {
        _m = module;
    }

    /// <inheritdoc />
    public string Name => "rain";

    /// <inheritdoc />
    public string Usage => "rain";

    /// <inheritdoc />
    public string Summary => "rolling rain totals, rate and signal level";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        RainGauge g = _m.Gauge;
        for (int i = 0; i < RainWindows.Count; i++)
        {
            output.Field(RainWindows.Name(i), SensorModule.AsciiMm(g.TotalX100(i)) + " mm (" + g.Accumulator.Tips(i).ToString() + " tips)");
        }

        output.Field("rate", SensorModule.AsciiMm(g.RateX100PerHour) + " mm/h over the last 10 min");
        output.Field("signal", WarningLevel.ToText(g.SignalLevel) + " (blue " + SensorModule.AsciiMm(g.Signal.BlueMm12hX100) + "/12h, yellow "
            + SensorModule.AsciiMm(g.Signal.YellowMm6hX100) + "/6h, orange " + SensorModule.AsciiMm(g.Signal.OrangeMm3hX100) + "/3h, red "
            + SensorModule.AsciiMm(g.Signal.RedMm3hX100) + "/3h)");
        output.Field("time", _m.Minutes.IsSynchronized ? "synchronized" : "NOT synchronized: totals assume no time passed while off");
        return null;
    }
}
