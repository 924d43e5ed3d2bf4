namespace Tocsin.Firmware.SensorNode.Health;

/// <summary>
/// Decides which faults are active from what the node observes each reading. It holds only the
/// state each rule needs (how long a value stayed the same, how long a dry reading stayed off zero).
/// </summary>
public sealed class HealthMonitor
{
    private const int FailedReadingsForFault = 3;
    private const long DriftHoldMs = 30L * 60 * 1000;
    private const int WaterPresentMm = 20;

    private int _failedReadings;
    private int _lastRaw = int.MinValue;
    private long _sameRawSinceMs;
    private long _driftSinceMs = -1;

    /// <summary>Active faults (bits of <see cref="SensorFault"/>).</summary>
    public int Faults { get; private set; }

    /// <summary>Raw value unchanged this long with water present means a stuck sensor.</summary>
    public long StuckAfterMs { get; set; } = 30L * 60 * 1000;

    /// <summary>A dry depth further than this from zero is drift, mm.</summary>
    public int DriftMm { get; set; } = 30;

    /// <summary>Battery below this is low, mV.</summary>
    public int BatteryLowMv { get; set; } = 3400;

    /// <summary>Feeds one reading's outcome.</summary>
    public void OnReading(long nowMs, bool timedOut, bool accepted, int raw, int depthMm, bool dryForADay)
    {
        Set(SensorFault.SensorTimeout, timedOut);
        _failedReadings = accepted || timedOut ? 0 : _failedReadings + 1;
        if (accepted)
        {
            Set(SensorFault.NoValidReadings, false);
        }
        else if (_failedReadings >= FailedReadingsForFault)
        {
            Set(SensorFault.NoValidReadings, true);
        }

        if (!accepted)
        {
            return;
        }

        if (raw != _lastRaw)
        {
            _lastRaw = raw;
            _sameRawSinceMs = nowMs;
        }

        Set(SensorFault.Stuck, depthMm > WaterPresentMm && nowMs - _sameRawSinceMs >= StuckAfterMs);

        bool offZero = depthMm > DriftMm || depthMm < -DriftMm;
        if (dryForADay && offZero)
        {
            if (_driftSinceMs < 0)
            {
                _driftSinceMs = nowMs;
            }
        }
        else
        {
            _driftSinceMs = -1;
        }

        Set(SensorFault.DryDrift, _driftSinceMs >= 0 && nowMs - _driftSinceMs >= DriftHoldMs);
    }

    /// <summary>Feeds the power and enclosure state.</summary>
    public void OnPower(bool haveBattery, int batteryMv, bool tamperOpen, bool gaugeOverflow)
    {
        Set(SensorFault.BatteryLow, haveBattery && batteryMv < BatteryLowMv);
        Set(SensorFault.Tamper, tamperOpen);
        Set(SensorFault.GaugeOverflow, gaugeOverflow);
    }

    private void Set(int bit, bool active)
    {
        Faults = active ? Faults | bit : Faults & ~bit;
    }
}
