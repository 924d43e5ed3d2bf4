using Tocsin.Firmware.Config;
using Tocsin.Firmware.Console;

namespace Tocsin.Firmware.SensorNode.Commands;

/// <summary><c>thresholds [set &lt;name&gt; &lt;value&gt;]</c>: the rain-signal and depth-level thresholds.</summary>
public sealed class ThresholdsCommand : IConsoleCommand
{
    private static readonly string[] Names =
    {
        "rain.blue_mm12h", "rain.yellow_mm6h", "rain.orange_mm3h", "rain.red_mm3h", "rain.fast_rate_mmh",
        "depth.blue_mm", "depth.yellow_mm", "depth.orange_mm", "depth.red_mm", "depth.hysteresis_mm", "depth.fast_rise_mm10m", "depth.drain_mm10m",
    };

    private readonly SensorModule _m;

    /// <summary>Creates the command.</summary>
    public ThresholdsCommand(SensorModule module)
    {
        _m = module;
    }

    /// <inheritdoc />
    public string Name => "thresholds";

    /// <inheritdoc />
    public string Usage => "thresholds | thresholds set <name> <value>";

    /// <inheritdoc />
    public string Summary => "show or change rain-signal and depth-level thresholds";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        Settings s = _m.Runtime.Settings;
        if (args.Count == 1)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                int index = s.IndexOf(Names[i]);
                output.WriteLine(Names[i] + " = " + s.Display(index) + "    # " + s.Definition(index).Help);
            }

            return null;
        }

        if (args.Count == 4 && args.Get(1) == "set")
        {
            string name = args.Get(2);
            bool known = false;
            for (int i = 0; i < Names.Length; i++)
            {
                known |= Names[i] == name;
            }

            if (!known)
            {
                return "'" + name + "' is not a threshold; see 'thresholds'";
            }

            string error = s.Set(name, args.Get(3));
            if (error != null)
            {
                return error;
            }

            _m.Runtime.Log.Info("thresholds", name + " changed on the console");
            output.WriteLine(name + " = " + s.Display(s.IndexOf(name)));
            return s.Save(_m.Runtime.Hardware.Flash) ? null : "set but not saved to flash";
        }

        return "usage: " + Usage;
    }
}
