using Tocsin.Firmware.Console;
using Tocsin.Firmware.SensorNode.Depth;

namespace Tocsin.Firmware.SensorNode.Commands;

/// <summary><c>sensors</c>: every input raw and filtered, as the technician sees it at the pole.</summary>
public sealed class SensorsCommand : IConsoleCommand
{
    private readonly SensorModule _m;

    /// <summary>Creates the command.</summary>
    public SensorsCommand(SensorModule module)
    {
        _m = module;
    }

    /// <inheritdoc />
    public string Name => "sensors";

    /// <inheritdoc />
    public string Usage => "sensors";

    /// <inheritdoc />
    public string Summary => "raw and filtered values of every sensor now";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count != 1)
        {
            return "usage: " + Usage;
        }

        var g = _m.Gauge;
        output.Field("gauge", "tips=" + g.Debouncer.TipCount.ToString() + " bounces_rejected=" + g.Debouncer.BounceCount.ToString()
            + " mm_per_tip=" + SensorModule.AsciiMm(g.MmPerTipX100) + " counter_overflows=" + _m.GaugeOverflows.ToString()
            + " saturated=" + g.Accumulator.SaturatedCount.ToString());
        IDepthSource source = _m.Depth.Source;
        if (source == null)
        {
            output.Field("depth", "no sensor configured");
        }
        else
        {
            bool fresh = source.TryPeekSample(_m.Runtime.NowMs, out int depthMm, out int raw);
            output.Field("depth raw", source.Kind + " raw=" + raw.ToString() + (source.Kind == "ultrasonic" ? " mm distance" : " uA")
                + " sample=" + depthMm.ToString() + " mm" + (fresh ? string.Empty : " (not fresh)") + (source.IsTimedOut(_m.Runtime.NowMs) ? " TIMED OUT" : string.Empty));
            output.Field("depth filtered", (_m.Depth.Filter.HasDepth ? _m.Depth.Filter.DepthMm.ToString() + " mm" : "-") + " q=" + _m.Depth.Filter.Quality
                + " rejected_samples=" + _m.Depth.Filter.RejectedSamples.ToString() + " suspect_readings=" + _m.Depth.Filter.SuspectReadings.ToString());
        }

        output.Field("battery", _m.HasBattery ? _m.BatteryMv.ToString() + " mV" + (_m.HasChargingInput ? (_m.Charging ? " charging" : " not charging") : string.Empty) : "no input");
        output.Field("faults", SensorModule.FaultText(_m.Health.Faults));
        return null;
    }
}
