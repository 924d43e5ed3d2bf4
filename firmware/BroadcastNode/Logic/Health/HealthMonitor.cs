using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Health;

/// <summary>
/// Tracks the node's faults: it samples mains, door and battery itself, and is told about the
/// amplifier, player, relays and line by the parts that check them. The module sends an event the
/// moment a fault appears and another when it clears (<see cref="Unreported"/>), as field units
/// of trusted siren systems do, unasked.
/// </summary>
public sealed class HealthMonitor
{
    /// <summary>Inputs are sampled this often.</summary>
    public const long SampleMs = 1000;

    /// <summary>The battery is read this often (an ADC read with averaging on the board).</summary>
    public const long BatteryPeriodMs = 10000;

    /// <summary>The battery must rise this far above the threshold before "low" clears (no flapping).</summary>
    public const int BatteryHysteresisMv = 200;

    private readonly IDigitalInput _mains;
    private readonly IDigitalInput _tamper;
    private readonly IAnalogInput _battery;
    private long _nextSampleMs;
    private long _nextBatteryMs;
    private int _reported;

    /// <summary>Creates the monitor; any input may be null (not fitted).</summary>
    public HealthMonitor(IDigitalInput mains, IDigitalInput tamper, IAnalogInput battery)
    {
        _mains = mains;
        _tamper = tamper;
        _battery = battery;
        BatteryMv = -1;
    }

    /// <summary>Active faults (bits of <see cref="HealthFault"/>).</summary>
    public int Faults { get; private set; }

    /// <summary>Battery below this is low, mV (0: no battery check).</summary>
    public int BatteryLowMv { get; set; }

    /// <summary>Last battery reading, mV (-1 unknown or not fitted).</summary>
    public int BatteryMv { get; private set; }

    /// <summary>True when mains is present (also when no mains input is fitted).</summary>
    public bool MainsPresent => (Faults & HealthFault.MainsLost) == 0;

    /// <summary>True when a mains input is fitted.</summary>
    public bool HasMains => _mains != null;

    /// <summary>True when a door switch is fitted.</summary>
    public bool HasTamper => _tamper != null;

    /// <summary>Bits that changed since last marked reported.</summary>
    public int Unreported => Faults ^ _reported;

    /// <summary>
    /// When <see cref="Tick"/> next samples, if an input now reads differently from the fault it last
    /// set (the enclosure opened or closed, mains lost or back): a board's loop passes by within a
    /// second. <see cref="long.MaxValue"/> while nothing changed (the battery, read every 10 s, drifts slowly).
    /// </summary>
    public long NextTimerMs
    {
        get
        {
            bool mains = _mains != null && !_mains.Read() != ((Faults & HealthFault.MainsLost) != 0);
            bool tamper = _tamper != null && _tamper.Read() != ((Faults & HealthFault.Tamper) != 0);
            return mains || tamper ? _nextSampleMs : long.MaxValue;
        }
    }

    /// <summary>Samples the inputs when due.</summary>
    public void Tick(long nowMs)
    {
        if (nowMs < _nextSampleMs)
        {
            return;
        }

        _nextSampleMs = nowMs + SampleMs;
        if (_mains != null)
        {
            Set(HealthFault.MainsLost, !_mains.Read());
        }

        if (_tamper != null)
        {
            Set(HealthFault.Tamper, _tamper.Read());
        }

        if (_battery != null && nowMs >= _nextBatteryMs)
        {
            _nextBatteryMs = nowMs + BatteryPeriodMs;
            if (_battery.TryReadMillivolts(out int mv))
            {
                BatteryMv = mv;
                bool low = (Faults & HealthFault.BatteryLow) != 0;
                Set(HealthFault.BatteryLow, BatteryLowMv > 0 && mv < BatteryLowMv + (low ? BatteryHysteresisMv : 0));
            }
        }
    }

    /// <summary>Sets or clears one fault.</summary>
    public void Set(int bit, bool active) => Faults = active ? Faults | bit : Faults & ~bit;

    /// <summary>Notes that the current state of <paramref name="bit"/> was reported.</summary>
    public void MarkReported(int bit) => _reported = (_reported & ~bit) | (Faults & bit);
}
