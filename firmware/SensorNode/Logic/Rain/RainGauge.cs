using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.SensorNode.Levels;

namespace Tocsin.Firmware.SensorNode.Rain;

/// <summary>
/// The tipping-bucket gauge: drains pulse times, debounces them, counts tips in their own minute,
/// slides the rolling windows, persists the ring once a minute and evaluates the rainstorm signal.
/// </summary>
public sealed class RainGauge
{
    private readonly IPulseCounter _counter;
    private readonly IFlashStore _flash;
    private readonly long[] _pulses = new long[16];
    private long _savedMinute = long.MinValue;

    /// <summary>Creates a gauge on <paramref name="counter"/>, persisting in <paramref name="flash"/>.</summary>
    public RainGauge(IPulseCounter counter, IFlashStore flash)
    {
        _counter = counter;
        _flash = flash;
    }

    /// <summary>Bounce rejection.</summary>
    public TipDebouncer Debouncer { get; } = new TipDebouncer();

    /// <summary>The 24-hour ring and window sums.</summary>
    public RainAccumulator Accumulator { get; } = new RainAccumulator();

    /// <summary>Signal thresholds.</summary>
    public RainSignal Signal { get; } = new RainSignal();

    /// <summary>Rain per tip, hundredths of a mm.</summary>
    public int MmPerTipX100 { get; set; } = 20;

    /// <summary>The signal the totals support now (see <see cref="WarningLevel"/>).</summary>
    public int SignalLevel { get; private set; }

    /// <summary>Total of a window in hundredths of a mm.</summary>
    public long TotalX100(int window) => (long)Accumulator.Tips(window) * MmPerTipX100;

    /// <summary>Rate over the last 10 minutes, hundredths of a mm per hour.</summary>
    public long RateX100PerHour => TotalX100(RainWindows.TenMinutes) * 6;

    /// <summary>Restores the ring; <paramref name="nowMinute"/> is -1 when UTC is unknown.</summary>
    public bool Start(long nowMinute)
    {
        bool restored = Accumulator.Load(_flash, nowMinute);
        SignalLevel = Evaluate();
        return restored;
    }

    /// <summary>One step; returns true when the rainstorm signal changed.</summary>
    public bool Tick(long nowMs, MinuteClock minutes)
    {
        int n;
        while ((n = _counter.DrainPulses(_pulses)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                if (Debouncer.Accept(_pulses[i]))
                {
                    Accumulator.AddTip(minutes.MinuteOf(_pulses[i], nowMs));
                }
            }
        }

        long minute = minutes.MinuteOf(nowMs, nowMs);
        Accumulator.AdvanceTo(minute);
        if (minute != _savedMinute)
        {
            // Once a minute at most: a tip lost to a power cut costs at most a minute of rain.
            _savedMinute = minute;
            Accumulator.SaveIfChanged(_flash);
        }

        int level = Evaluate();
        if (level == SignalLevel)
        {
            return false;
        }

        SignalLevel = level;
        return true;
    }

    private int Evaluate() => Signal.Evaluate(TotalX100(RainWindows.ThreeHours), TotalX100(RainWindows.SixHours), TotalX100(RainWindows.TwelveHours));
}
