using Tocsin.Firmware.Config;
using Tocsin.Firmware.Console;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Security;
using Tocsin.Firmware.SensorNode.Commands;
using Tocsin.Firmware.SensorNode.Depth;
using Tocsin.Firmware.SensorNode.Health;
using Tocsin.Firmware.SensorNode.Levels;
using Tocsin.Firmware.SensorNode.Rain;
using Tocsin.Firmware.SensorNode.Reporting;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.SensorNode;

/// <summary>
/// The sensor node: rain gauge, water depth, local levels, health and adaptive reporting, plugged
/// into the shared runtime. Level and signal changes go out at once as events; readings go out
/// every report period (fast while it rains hard, water rises or stands at a raised level without
/// draining). Everything goes through the outbox, so outages lose nothing.
/// </summary>
public sealed class SensorModule : INodeModule
{
    private readonly SensorHardware _hw;
    private NodeRuntime _runtime;
    private SensorSettings _s;
    private long _nextReportMs;
    private int _settingsVersion = -1;
    private int _reportedFaults;

    /// <summary>Creates the module over its hardware.</summary>
    public SensorModule(SensorHardware hardware)
    {
        _hw = hardware;
    }

    /// <inheritdoc />
    public string Kind => "sensor";

    /// <summary>24 h of readings at the normal 5-minute period (288) plus room for events.</summary>
    public int OutboxCapacity => 320;

    /// <summary>The rain gauge.</summary>
    public RainGauge Gauge { get; private set; }

    /// <summary>The depth channel.</summary>
    public DepthChannel Depth { get; private set; }

    /// <summary>Fault decisions.</summary>
    public HealthMonitor Health { get; } = new HealthMonitor();

    /// <summary>UTC minutes for the rain ring.</summary>
    public MinuteClock Minutes { get; private set; }

    /// <summary>The settings indexes.</summary>
    public SensorSettings SensorSettings => _s;

    /// <summary>The runtime.</summary>
    public NodeRuntime Runtime => _runtime;

    /// <summary>True while reporting at the fast period.</summary>
    public bool FastReporting { get; private set; }

    /// <summary>True when a battery input exists.</summary>
    public bool HasBattery => _hw.BatteryInput != null;

    /// <summary>The last battery reading, mV.</summary>
    public int BatteryMv { get; private set; }

    /// <summary>True when a charger status input exists.</summary>
    public bool HasChargingInput => _hw.ChargingInput != null;

    /// <summary>True while the charger says it is charging.</summary>
    public bool Charging { get; private set; }

    /// <summary>Pulses the counter's own queue lost since boot.</summary>
    public int GaugeOverflows => _hw.RainGauge.OverflowCount;

    /// <summary>Reports written since boot.</summary>
    public int ReportCount { get; private set; }

    /// <inheritdoc />
    public void RegisterSettings(Settings settings) => _s = new SensorSettings(settings);

    /// <inheritdoc />
    public void RegisterConsoleCommands(ConsoleCommandTable table)
    {
        table.Add(new SensorsCommand(this));
        table.Add(new RainCommand(this));
        table.Add(new DepthCommand(this));
        table.Add(new CalibrateCommand(this));
        table.Add(new ThresholdsCommand(this));
    }

    /// <inheritdoc />
    public void Start(NodeRuntime runtime, long nowMs)
    {
        _runtime = runtime;
        Settings settings = runtime.Settings;
        Minutes = new MinuteClock(runtime.Hardware.Clock);
        Gauge = new RainGauge(_hw.RainGauge, runtime.Hardware.Flash);
        Depth = new DepthChannel(CreateDepthSource(settings));
        RefreshSettings();
        bool synced = Minutes.IsSynchronized;
        bool restored = Gauge.Start(synced ? Minutes.MinuteOf(nowMs, nowMs) : -1);
        if (!synced)
        {
            Minutes.SetFallback(Gauge.Accumulator.CurrentMinute < 0 ? 0 : Gauge.Accumulator.CurrentMinute, nowMs);
            Gauge.Accumulator.AdvanceTo(Minutes.MinuteOf(nowMs, nowMs));
            runtime.Log.Warn("rain", "no synchronized time: rolling totals continue from the last saved minute");
        }

        runtime.Log.Info("sensor", "rain ring " + (restored ? "restored" : "started empty") + ", depth sensor " + settings.GetText(_s.DepthSensor));
        _nextReportMs = nowMs;
    }

    /// <inheritdoc />
    public long NextTimerMs(long nowMs)
    {
        // Rain tips are counted by the pulse counter whatever the loop does; depth is sampled on time.
        return IntMath.Min(Depth == null ? long.MaxValue : Depth.NextTimerMs, _nextReportMs);
    }

    /// <inheritdoc />
    public void Tick(long nowMs)
    {
        if (_runtime.Settings.Version != _settingsVersion)
        {
            RefreshSettings();
        }

        int signalBefore = Gauge.SignalLevel;
        if (Gauge.Tick(nowMs, Minutes))
        {
            SensorMessages.SignalChanged(_runtime, this, signalBefore);
        }

        int levelBefore = Depth.Levels.Level;
        if (Depth.Tick(nowMs, Minutes.MinuteOf(nowMs, nowMs)))
        {
            OnReading(nowMs, levelBefore);
        }
        else if (SwitchesChanged())
        {
            ReadPower();
            ReportFaults();
        }

        bool fast = WantsFast(Minutes.MinuteOf(nowMs, nowMs));
        if (fast && !FastReporting)
        {
            long soon = nowMs + _runtime.ShortenedAtRandom(_runtime.Settings.GetNumber(_s.FastReportS) * 1000);
            _nextReportMs = soon < _nextReportMs ? soon : _nextReportMs;
        }

        FastReporting = fast;
        SetReadingInterval();
        if (nowMs >= _nextReportMs)
        {
            SensorMessages.Report(_runtime, this);
            ReportCount++;
            // Sensors powered up together would otherwise report in the same second for ever.
            _nextReportMs = nowMs + _runtime.ShortenedAtRandom(_runtime.Settings.GetNumber(fast ? _s.FastReportS : _s.ReportS) * 1000);
        }
    }

    /// <inheritdoc />
    public bool HandleCommand(VerifiedCommand command, long nowMs) => false;

    /// <inheritdoc />
    public bool NeedsTrustedTime(VerifiedCommand command) => false;

    /// <inheritdoc />
    public string[] ExtraSubscriptions() => new string[0];

    /// <inheritdoc />
    public void OnMessage(MqttInboundMessage message, long nowMs)
    {
    }

    /// <inheritdoc />
    public void WriteHeartbeat(JsonWriter writer)
    {
        writer.Property("power", HasChargingInput && Charging ? "charging" : "battery");
        SensorMessages.WritePower(writer, this);
        writer.Property("rain_signal", WarningLevel.ToText(Gauge.SignalLevel));
        writer.Property("depth_level", WarningLevel.ToText(Depth.Levels.Level));
    }

    /// <inheritdoc />
    public void WriteStatus(ConsoleOutput output)
    {
        output.Field("rain", AsciiMm(Gauge.TotalX100(RainWindows.OneHour)) + " mm/1h, signal " + WarningLevel.ToText(Gauge.SignalLevel));
        output.Field("depth", (Depth.Filter.HasDepth ? Depth.Filter.DepthMm.ToString() + " mm" : "-") + " q=" + Depth.Filter.Quality + " level=" + WarningLevel.ToText(Depth.Levels.Level));
        output.Field("reporting", (FastReporting ? "fast" : "normal") + " reports=" + ReportCount.ToString());
        output.Field("faults", FaultText(Health.Faults));
    }

    /// <inheritdoc />
    public bool SelfTest(ConsoleOutput output)
    {
        long now = _runtime.NowMs;
        int failed = 0;
        IDepthSource source = Depth.Source;
        bool depthOk = source == null || !source.IsTimedOut(now);
        failed += Console.Commands.SelftestCommand.Check(output, "depth sensor", depthOk, source == null ? "none configured" : source.Kind + (depthOk ? " answering" : " not answering"));
        bool battOk = !HasBattery || (Health.Faults & SensorFault.BatteryLow) == 0;
        failed += Console.Commands.SelftestCommand.Check(output, "battery", battOk, HasBattery ? BatteryMv.ToString() + " mV" : "no battery input");
        bool closed = (Health.Faults & SensorFault.Tamper) == 0;
        failed += Console.Commands.SelftestCommand.Check(output, "enclosure", closed, closed ? "closed" : "OPEN");
        return failed == 0;
    }

    /// <summary>Active faults as text.</summary>
    public static string FaultText(int faults)
    {
        string text = string.Empty;
        for (int i = 0; i < SensorFault.Count; i++)
        {
            if ((faults & SensorFault.Bit(i)) != 0)
            {
                text += (text.Length == 0 ? string.Empty : ",") + SensorFault.Name(SensorFault.Bit(i));
            }
        }

        return text.Length == 0 ? "none" : text;
    }

    /// <summary>Hundredths of a mm as text ("12.40").</summary>
    public static string AsciiMm(long x100) => Util.AsciiNumber.FormatFixed(x100, 2);

    /// <summary>Makes the current reading the dry reference and saves it.</summary>
    public string CalibrateDry()
    {
        if (Depth.Source == null)
        {
            return "no depth sensor configured (depth.sensor)";
        }

        if (!Depth.Source.CalibrateDry(_runtime.NowMs))
        {
            return "no fresh reading from the " + Depth.Source.Kind + " sensor; check wiring and try again";
        }

        return _runtime.Settings.Save(_runtime.Hardware.Flash) ? null : "calibrated but not saved to flash";
    }

    private void OnReading(long nowMs, int levelBefore)
    {
        if (Depth.LevelChanged)
        {
            SensorMessages.DepthLevelChanged(_runtime, this, levelBefore);
        }

        ReadPower();
        bool dryForADay = Gauge.Accumulator.Tips(RainWindows.DayHours) == 0;
        Health.OnReading(nowMs, Depth.LastTimedOut, Depth.LastAccepted, Depth.LastRaw, Depth.Filter.DepthMm, dryForADay);
        ReportFaults();
    }

    // The lid switch and the charger's status line are read every pass (the battery, which drifts
    // slowly, with each reading): an opened enclosure is reported at once, not at the next reading a
    // minute away in quiet weather.
    private bool SwitchesChanged()
    {
        bool tamper = _hw.TamperInput != null && _hw.TamperInput.Read();
        bool charging = _hw.ChargingInput != null && _hw.ChargingInput.Read();
        return tamper != ((Health.Faults & SensorFault.Tamper) != 0) || charging != Charging;
    }

    private void ReportFaults()
    {
        int faults = Health.Faults;
        int changed = faults ^ _reportedFaults;
        for (int i = 0; changed != 0 && i < SensorFault.Count; i++)
        {
            int bit = SensorFault.Bit(i);
            if ((changed & bit) != 0)
            {
                SensorMessages.Fault(_runtime, bit, (faults & bit) != 0);
                _runtime.Log.Warn("health", SensorFault.Name(bit) + ((faults & bit) != 0 ? " raised" : " cleared"));
            }
        }

        _reportedFaults = faults;
    }

    private void ReadPower()
    {
        if (_hw.BatteryInput != null && _hw.BatteryInput.TryReadMillivolts(out int mv))
        {
            BatteryMv = mv;
        }

        Charging = _hw.ChargingInput != null && _hw.ChargingInput.Read();
        bool tamper = _hw.TamperInput != null && _hw.TamperInput.Read();
        bool overflow = Gauge.Accumulator.SaturatedCount > 0 || _hw.RainGauge.OverflowCount > 0;
        Health.OnPower(HasBattery, BatteryMv, tamper, overflow);
    }

    // Fast reports follow what changes within minutes: rain falling hard now, water rising, water at a
    // level and not draining. A rain signal raised by hours of light rain changes slowly and its
    // changes go out as events at once; with it, every sensor in a district would report every 30 s for
    // up to 12 hours of drizzle. Draining water is the same: each level it falls through goes out as an
    // event at the reading that finds it, and an underpass can take half a day to empty after the rain.
    private bool WantsFast(long minute)
    {
        Settings s = _runtime.Settings;
        if (Gauge.RateX100PerHour >= s.GetNumber(_s.FastRateMmh) * 100)
        {
            return true;
        }

        if (Depth.Rise.TryGetRiseMmPer10Min(out int rise) && rise >= s.GetNumber(_s.FastRiseMm10m))
        {
            return true;
        }

        return Depth.Levels.Level > 0 && !Draining(s, minute);
    }

    // Draining: the water has fallen by depth.drain_mm10m or more over 10 minutes, still falls over the
    // last few, and was read lately. Water that stops or turns is fast again within two or three
    // readings, not once the fall has left the 10-minute window; readings that stop being accepted
    // (a failing sensor at a raised level) leave no stale fall behind.
    private bool Draining(Settings s, long minute)
    {
        RiseTracker tracker = Depth.Rise;
        int quietMinutes = (int)(s.GetNumber(_s.QuietReadingS) / 60);
        return tracker.TryGetRiseMmPer10Min(out int rise) && rise <= -s.GetNumber(_s.DrainMm10m)
            && minute - tracker.LatestMinute <= quietMinutes + 1
            && tracker.TryGetRecentChangeMm(quietMinutes > 2 ? quietMinutes + 1 : 3, out int recent) && recent < 0;
    }

    // A duty cycle that follows the weather, as field networks use: in quiet weather (normal reports,
    // the last reading accepted, no jump awaiting confirmation) a dry or steady low point changes over
    // minutes, so depth is read at depth.quiet_reading_s. Hard rain, rising water or a raised level the
    // water is not draining from make reports fast within a step and readings with them (at once when
    // the quiet wait has outlasted depth.reading_s); so does a suspect jump, so that it is confirmed or
    // dropped seconds later.
    private void SetReadingInterval()
    {
        Settings s = _runtime.Settings;
        bool quiet = !FastReporting && Depth.LastAccepted && !Depth.Filter.AwaitingConfirmation;
        long readingS = s.GetNumber(_s.ReadingS);
        long quietS = s.GetNumber(_s.QuietReadingS);

        // A quiet interval set shorter than the normal one would read less often when it matters.
        Depth.ReadingIntervalMs = (quiet && quietS > readingS ? quietS : readingS) * 1000;
    }

    private IDepthSource CreateDepthSource(Settings s)
    {
        string kind = s.GetText(_s.DepthSensor);
        if (kind == "ultrasonic" && _hw.DepthLine != null)
        {
            return new UltrasonicDepthSource(_hw.DepthLine, s, _s.MountMm);
        }

        if (kind == "pressure" && _hw.PressureInput != null)
        {
            return new PressureDepthSource(_hw.PressureInput, s, _s.ShuntOhm, _s.FullScaleMm, _s.ZeroMm);
        }

        return null;
    }

    private void RefreshSettings()
    {
        Settings s = _runtime.Settings;
        _settingsVersion = s.Version;
        Gauge.MmPerTipX100 = (int)s.GetNumber(_s.MmPerTipX100);
        Gauge.Debouncer.LockoutMs = s.GetNumber(_s.DebounceMs);
        Gauge.Signal.BlueMm12hX100 = s.GetNumber(_s.BlueMm12h) * 100;
        Gauge.Signal.YellowMm6hX100 = s.GetNumber(_s.YellowMm6h) * 100;
        Gauge.Signal.OrangeMm3hX100 = s.GetNumber(_s.OrangeMm3h) * 100;
        Gauge.Signal.RedMm3hX100 = s.GetNumber(_s.RedMm3h) * 100;
        SetReadingInterval();
        Depth.Filter.MaxJumpMm = (int)s.GetNumber(_s.MaxJumpMm);
        Depth.Filter.MaxDepthMm = (int)s.GetNumber(_s.MaxDepthMm);
        Depth.Levels.SetThreshold(WarningLevel.Blue, s.GetNumber(_s.BlueMm));
        Depth.Levels.SetThreshold(WarningLevel.Yellow, s.GetNumber(_s.YellowMm));
        Depth.Levels.SetThreshold(WarningLevel.Orange, s.GetNumber(_s.OrangeMm));
        Depth.Levels.SetThreshold(WarningLevel.Red, s.GetNumber(_s.RedMm));
        Depth.Levels.Hysteresis = s.GetNumber(_s.HysteresisMm);
        Health.StuckAfterMs = s.GetNumber(_s.StuckS) * 1000;
        Health.DriftMm = (int)s.GetNumber(_s.DriftMm);
        Health.BatteryLowMv = (int)s.GetNumber(_s.BatteryLowMv);
    }
}
