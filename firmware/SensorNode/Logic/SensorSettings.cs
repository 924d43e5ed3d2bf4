using Tocsin.Firmware.Config;

namespace Tocsin.Firmware.SensorNode;

/// <summary>
/// The sensor node's settings (indexes into <see cref="Settings"/>). Rain amounts are whole mm,
/// depths mm, periods seconds. Those marked remote can be changed by an authenticated "config"
/// command from the controller, always within the bounds given here.
/// </summary>
public sealed class SensorSettings
{
    private static readonly string[] DepthSensors = { "ultrasonic", "pressure", "none" };

    /// <summary>Registers the settings.</summary>
    public SensorSettings(Settings s)
    {
        MmPerTipX100 = s.Register(SettingDefinition.Integer("rain.mm_per_tip_x100", 10, 50, 20, "rain per bucket tip, hundredths of a mm (0.1-0.5 mm)"));
        DebounceMs = s.Register(SettingDefinition.Integer("rain.debounce_ms", 20, 2000, 150, "reed-switch lockout after a tip"));
        BlueMm12h = s.Register(SettingDefinition.Integer("rain.blue_mm12h", 1, 1000, 50, "blue signal: mm in 12 h").AsRemote());
        YellowMm6h = s.Register(SettingDefinition.Integer("rain.yellow_mm6h", 1, 1000, 50, "yellow signal: mm in 6 h").AsRemote());
        OrangeMm3h = s.Register(SettingDefinition.Integer("rain.orange_mm3h", 1, 1000, 50, "orange signal: mm in 3 h").AsRemote());
        RedMm3h = s.Register(SettingDefinition.Integer("rain.red_mm3h", 1, 1000, 100, "red signal: mm in 3 h").AsRemote());
        FastRateMmh = s.Register(SettingDefinition.Integer("rain.fast_rate_mmh", 1, 200, 10, "report fast while rain falls at this rate or more").AsRemote());
        DepthSensor = s.Register(SettingDefinition.Choice("depth.sensor", DepthSensors, "ultrasonic", "ultrasonic, pressure or none"));
        MountMm = s.Register(SettingDefinition.Integer("depth.mount_mm", 100, 10000, 3000, "ultrasonic: sensor face to dry ground"));
        ShuntOhm = s.Register(SettingDefinition.Integer("depth.shunt_ohm", 50, 500, 150, "pressure: 4-20 mA shunt resistor"));
        FullScaleMm = s.Register(SettingDefinition.Integer("depth.full_scale_mm", 500, 20000, 5000, "pressure: depth at 20 mA"));
        ZeroMm = s.Register(SettingDefinition.Integer("depth.zero_mm", -2000, 2000, 0, "pressure: reading when dry"));
        ReadingS = s.Register(SettingDefinition.Integer("depth.reading_s", 2, 300, 10, "seconds between depth readings while reports are fast or a jump awaits confirmation").AsRemote());
        QuietReadingS = s.Register(SettingDefinition.Integer("depth.quiet_reading_s", 2, 300, 60, "seconds between depth readings in quiet weather (normal reports; never less than depth.reading_s)").AsRemote());
        MaxJumpMm = s.Register(SettingDefinition.Integer("depth.max_jump_mm", 10, 2000, 150, "larger changes need a second reading").AsRemote());
        MaxDepthMm = s.Register(SettingDefinition.Integer("depth.max_mm", 100, 20000, 3000, "deepest plausible water").AsRemote());
        BlueMm = s.Register(SettingDefinition.Integer("depth.blue_mm", 0, 10000, 100, "blue depth level (0 = off)").AsRemote());
        YellowMm = s.Register(SettingDefinition.Integer("depth.yellow_mm", 0, 10000, 200, "yellow depth level (0 = off)").AsRemote());
        OrangeMm = s.Register(SettingDefinition.Integer("depth.orange_mm", 0, 10000, 300, "orange depth level (0 = off)").AsRemote());
        RedMm = s.Register(SettingDefinition.Integer("depth.red_mm", 0, 10000, 500, "red depth level (0 = off)").AsRemote());
        HysteresisMm = s.Register(SettingDefinition.Integer("depth.hysteresis_mm", 0, 500, 20, "fall this far below a level to leave it").AsRemote());
        FastRiseMm10m = s.Register(SettingDefinition.Integer("depth.fast_rise_mm10m", 1, 1000, 20, "report fast while water rises faster").AsRemote());
        DrainMm10m = s.Register(SettingDefinition.Integer("depth.drain_mm10m", 1, 1000, 10, "water falling this fast is draining: a raised level alone no longer keeps reports fast").AsRemote());
        ReportS = s.Register(SettingDefinition.Integer("report.period_s", 60, 3600, 300, "normal report period (each interval shortened by up to a tenth at random)").AsRemote());
        FastReportS = s.Register(SettingDefinition.Integer("report.fast_period_s", 10, 600, 30, "report period in heavy rain, rising water or at a raised level not draining (shortened likewise)").AsRemote());
        StuckS = s.Register(SettingDefinition.Integer("health.stuck_s", 300, 86400, 1800, "unchanged raw value with water present for this long is a fault"));
        DriftMm = s.Register(SettingDefinition.Integer("health.drift_mm", 5, 500, 30, "dry depth further than this from zero is drift"));
        BatteryLowMv = s.Register(SettingDefinition.Integer("health.battery_low_mv", 2500, 15000, 3400, "battery low threshold"));
    }

    /// <summary>rain.mm_per_tip_x100.</summary>
    public int MmPerTipX100 { get; }

    /// <summary>rain.debounce_ms.</summary>
    public int DebounceMs { get; }

    /// <summary>rain.blue_mm12h.</summary>
    public int BlueMm12h { get; }

    /// <summary>rain.yellow_mm6h.</summary>
    public int YellowMm6h { get; }

    /// <summary>rain.orange_mm3h.</summary>
    public int OrangeMm3h { get; }

    /// <summary>rain.red_mm3h.</summary>
    public int RedMm3h { get; }

    /// <summary>rain.fast_rate_mmh.</summary>
    public int FastRateMmh { get; }

    /// <summary>depth.sensor.</summary>
    public int DepthSensor { get; }

    /// <summary>depth.mount_mm.</summary>
    public int MountMm { get; }

    /// <summary>depth.shunt_ohm.</summary>
    public int ShuntOhm { get; }

    /// <summary>depth.full_scale_mm.</summary>
    public int FullScaleMm { get; }

    /// <summary>depth.zero_mm.</summary>
    public int ZeroMm { get; }

    /// <summary>depth.reading_s.</summary>
    public int ReadingS { get; }

    /// <summary>depth.quiet_reading_s.</summary>
    public int QuietReadingS { get; }

    /// <summary>depth.max_jump_mm.</summary>
    public int MaxJumpMm { get; }

    /// <summary>depth.max_mm.</summary>
    public int MaxDepthMm { get; }

    /// <summary>depth.blue_mm.</summary>
    public int BlueMm { get; }

    /// <summary>depth.yellow_mm.</summary>
    public int YellowMm { get; }

    /// <summary>depth.orange_mm.</summary>
    public int OrangeMm { get; }

    /// <summary>depth.red_mm.</summary>
    public int RedMm { get; }

    /// <summary>depth.hysteresis_mm.</summary>
    public int HysteresisMm { get; }

    /// <summary>depth.fast_rise_mm10m.</summary>
    public int FastRiseMm10m { get; }

    /// <summary>depth.drain_mm10m.</summary>
    public int DrainMm10m { get; }

    /// <summary>report.period_s.</summary>
    public int ReportS { get; }

    /// <summary>report.fast_period_s.</summary>
    public int FastReportS { get; }

    /// <summary>health.stuck_s.</summary>
    public int StuckS { get; }

    /// <summary>health.drift_mm.</summary>
    public int DriftMm { get; }

    /// <summary>health.battery_low_mv.</summary>
    public int BatteryLowMv { get; }
}
