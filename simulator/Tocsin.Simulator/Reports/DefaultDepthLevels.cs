using Tocsin.Firmware.Config;
using Tocsin.Firmware.SensorNode;

namespace Tocsin.Simulator.Reports;

/// <summary>
/// The sensor firmware's default water-depth warning levels (<c>depth.blue_mm</c> … <c>depth.red_mm</c>),
/// read from the firmware's own setting definitions so a plot's threshold lines move when the
/// firmware's defaults do.
/// </summary>
internal static class DefaultDepthLevels
{
    private static readonly string[] Colours = ["blue", "yellow", "orange", "red"];

    /// <summary>Each level's colour name and depth, lowest first; levels switched off (0) are left out.</summary>
    public static IReadOnlyList<(string Level, double DepthMm)> Read()
    {
        var settings = new Settings();
        _ = new SensorSettings(settings);
        var levels = new List<(string, double)>();
        foreach (string colour in Colours)
        {
            long mm = settings.Definition(settings.IndexOf("depth." + colour + "_mm")).DefaultNumber;
            if (mm > 0)
            {
                levels.Add((colour, mm));
            }
        }

        return levels;
    }
}
