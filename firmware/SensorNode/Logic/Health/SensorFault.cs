namespace Tocsin.Firmware.SensorNode.Health;

/// <summary>Fault bits of a sensor node, and their names in events and heartbeats.</summary>
public static class SensorFault
{
    /// <summary>The depth sensor stopped answering.</summary>
    public const int SensorTimeout = 1;

    /// <summary>Readings keep failing although the sensor answers (echo lost, out of range).</summary>
    public const int NoValidReadings = 2;

    /// <summary>The raw value has not changed for too long while water is present.</summary>
    public const int Stuck = 4;

    /// <summary>After a dry day the depth is not near zero: dry reference drift (e.g. a sun-heated housing).</summary>
    public const int DryDrift = 8;

    /// <summary>Battery below its low threshold.</summary>
    public const int BatteryLow = 16;

    /// <summary>The enclosure is open.</summary>
    public const int Tamper = 32;

    /// <summary>The rain gauge counter overflowed or a minute saturated.</summary>
    public const int GaugeOverflow = 64;

    /// <summary>Number of fault bits.</summary>
    public const int Count = 7;

    /// <summary>The bit at position <paramref name="index"/>.</summary>
    public static int Bit(int index) => 1 << index;

    /// <summary>Name of a single fault bit.</summary>
    public static string Name(int bit)
    {
        switch (bit)
        {
            case SensorTimeout:
                return "sensor_timeout";
            case NoValidReadings:
                return "no_valid_readings";
            case Stuck:
                return "stuck_value";
            case DryDrift:
                return "dry_drift";
            case BatteryLow:
                return "battery_low";
            case Tamper:
                return "tamper";
            default:
                return "gauge_overflow";
        }
    }
}
