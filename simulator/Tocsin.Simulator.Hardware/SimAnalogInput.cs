using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>An ADC channel whose voltage the test or a simulated circuit sets; can fail to answer.</summary>
public sealed class SimAnalogInput : IAnalogInput
{
    private readonly Func<int>? _source;

    /// <summary>Creates a channel reading a fixed value (set <see cref="Millivolts"/>).</summary>
    public SimAnalogInput(int millivolts = 0)
    {
        Millivolts = millivolts;
    }

    /// <summary>Creates a channel that computes its value on each read (a simulated circuit).</summary>
    public SimAnalogInput(Func<int> source)
    {
        _source = source;
    }

    /// <summary>The value read when no source function is given, mV.</summary>
    public int Millivolts { get; set; }

    /// <summary>When true, reads fail (converter not answering).</summary>
    public bool Failed { get; set; }

    /// <summary>Reads made.</summary>
    public int ReadCount { get; private set; }

    /// <inheritdoc />
    public bool TryReadMillivolts(out int millivolts)
    {
        ReadCount++;
        millivolts = Failed ? 0 : (_source?.Invoke() ?? Millivolts);
        return !Failed;
    }
}
