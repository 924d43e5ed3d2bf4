using Tocsin.Firmware.Console;

namespace Tocsin.Firmware.SensorNode.Commands;

/// <summary>
/// <c>calibrate dry</c> (the current reading becomes depth 0: do it only when the low point is dry)
/// or <c>calibrate mount &lt;mm&gt;</c> (the measured height of an ultrasonic sensor above dry ground).
/// </summary>
public sealed class CalibrateCommand : IConsoleCommand
{
    private readonly SensorModule _m;

    /// <summary>Creates the command.</summary>
    public CalibrateCommand(SensorModule module)
    {
        _m = module;
    }

    /// <inheritdoc />
    public string Name => "calibrate";

    /// <inheritdoc />
    public string Usage => "calibrate dry | calibrate mount <mm>";

    /// <inheritdoc />
    public string Summary => "set the dry reference (when dry) or the sensor's mount height";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count == 2 && args.Get(1) == "dry")
        {
            string error = _m.CalibrateDry();
            if (error != null)
            {
                return error;
            }

            _m.Runtime.Log.Info("calibrate", "dry reference set on the console");
            output.WriteLine("dry reference set: depth.mount_mm=" + _m.Runtime.Settings.Display(_m.SensorSettings.MountMm) + " depth.zero_mm=" + _m.Runtime.Settings.Display(_m.SensorSettings.ZeroMm));
            return null;
        }

        if (args.Count == 3 && args.Get(1) == "mount")
        {
            string error = _m.Runtime.Settings.Set("depth.mount_mm", args.Get(2));
            if (error != null)
            {
                return error;
            }

            _m.Runtime.Log.Info("calibrate", "mount height set on the console");
            output.WriteLine("depth.mount_mm=" + args.Get(2));
            return _m.Runtime.Settings.Save(_m.Runtime.Hardware.Flash) ? null : "set but not saved to flash";
        }

        return "usage: " + Usage;
    }
}
