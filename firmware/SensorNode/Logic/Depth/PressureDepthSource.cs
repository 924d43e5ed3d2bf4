using Tocsin.Firmware.Config;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// A submersible 4–20 mA pressure transducer read across a shunt resistor: current = mV / Ω,
/// depth = (current − 4 mA) / 16 mA × full scale, minus the dry offset. Below 3.8 mA the loop is
/// broken (a real 4–20 mA signal never goes there), above 20.5 mA it is over range: both are faults,
/// not water.
/// </summary>
public sealed class PressureDepthSource : IDepthSource
{
    private const int BrokenLoopMicroamps = 3800;
    private const int OverRangeMicroamps = 20500;
    private readonly IAnalogInput _input;
    private readonly Settings _settings;
    private readonly int _shuntIndex;
    private readonly int _fullScaleIndex;
    private readonly int _zeroIndex;
    private long _lastAnswerMs = long.MinValue / 2;

    /// <summary>Creates a source on <paramref name="input"/> with its shunt, full-scale and zero settings.</summary>
    public PressureDepthSource(IAnalogInput input, Settings settings, int shuntIndex, int fullScaleIndex, int zeroIndex)
    {
        _input = input;
        _settings = settings;
        _shuntIndex = shuntIndex;
        _fullScaleIndex = fullScaleIndex;
        _zeroIndex = zeroIndex;
    }

    /// <inheritdoc />
    public string Kind => "pressure";

    /// <inheritdoc />
    public void Poll(long nowMs)
    {
    }

    /// <inheritdoc />
    public bool TryTakeSample(long nowMs, out int depthMm, out int raw)
    {
        depthMm = 0;
        raw = 0;
        if (!_input.TryReadMillivolts(out int mv))
        {
            return false;
        }

        // The converter answered: a broken loop is then bad data, not a silent sensor.
        _lastAnswerMs = nowMs;
        long shuntOhms = _settings.GetNumber(_shuntIndex);
        raw = (int)(mv * 1000L / shuntOhms);
        if (raw < BrokenLoopMicroamps || raw > OverRangeMicroamps)
        {
            return false;
        }

        long fullScaleMm = _settings.GetNumber(_fullScaleIndex);
        depthMm = (int)(((raw - 4000L) * fullScaleMm / 16000L) - _settings.GetNumber(_zeroIndex));
        return true;
    }

    /// <inheritdoc />
    public int TakeRecent(long nowMs, int max, int[] depthsMm, int[] raws, bool[] valid) => 0;

    /// <inheritdoc />
    /// <remarks>An ADC read on demand: looking is the same as taking.</remarks>
    public bool TryPeekSample(long nowMs, out int depthMm, out int raw) => TryTakeSample(nowMs, out depthMm, out raw);

    /// <inheritdoc />
    public bool IsTimedOut(long nowMs) => nowMs - _lastAnswerMs > 30000;

    /// <inheritdoc />
    public bool CalibrateDry(long nowMs)
    {
        if (!_input.TryReadMillivolts(out int mv))
        {
            return false;
        }

        long ua = mv * 1000L / _settings.GetNumber(_shuntIndex);
        if (ua < BrokenLoopMicroamps || ua > OverRangeMicroamps)
        {
            return false;
        }

        long offset = (ua - 4000L) * _settings.GetNumber(_fullScaleIndex) / 16000L;
        return _settings.Set(_settings.Definition(_zeroIndex).Name, offset.ToString()) == null;
    }
}
