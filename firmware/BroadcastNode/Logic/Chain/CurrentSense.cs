using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Chain;

/// <summary>
/// The amplifier supply current, from a Hall-effect sensor or shunt amplifier on an ADC pin:
/// mA = (mV - offset) * 1000 / (mV per A). The calibration is per board (bn.sense_*).
/// </summary>
public sealed class CurrentSense
{
    private readonly IAnalogInput _input;

    /// <summary>Creates the sense over <paramref name="input"/> (may be null: no supervision possible).</summary>
    public CurrentSense(IAnalogInput input)
    {
        _input = input;
        MvPerA = 1000;
    }

    /// <summary>Sensor gain in mV per ampere.</summary>
    public int MvPerA { get; set; }

    /// <summary>Pin voltage at zero current in mV.</summary>
    public int OffsetMv { get; set; }

    /// <summary>True when a sense input is wired.</summary>
    public bool IsPresent => _input != null;

    /// <summary>The last current read in mA (-1 before any read).</summary>
    public int LastMa { get; private set; } = -1;

    /// <summary>Failed conversions since boot.</summary>
    public int ReadFailures { get; private set; }

    /// <summary>Reads the current now; false when no input is wired or the converter did not answer.</summary>
    public bool TryReadMa(out int milliamps)
    {
        milliamps = 0;
        if (_input == null)
        {
            return false;
        }

        if (!_input.TryReadMillivolts(out int mv))
        {
            ReadFailures++;
            return false;
        }

        int net = mv - OffsetMv;
        milliamps = net <= 0 ? 0 : (int)((long)net * 1000 / (MvPerA <= 0 ? 1 : MvPerA));
        LastMa = milliamps;
        return true;
    }
}
