using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>A relay or enable line: remembers its level, counts switchings, and can be stuck by a fault.</summary>
public sealed class SimDigitalOutput : IDigitalOutput
{
    private bool _commanded;

    /// <summary>Creates an output; <paramref name="name"/> labels it in reports.</summary>
    public SimDigitalOutput(string name)
    {
        Name = name;
    }

    /// <summary>What it drives ("amp", "zone1", …).</summary>
    public string Name { get; }

    /// <summary>A welded or dead relay: the contact stays at this level whatever is commanded.</summary>
    public bool? StuckAt { get; set; }

    /// <summary>Level changes commanded since creation.</summary>
    public int SwitchCount { get; private set; }

    /// <summary>The real contact state (the commanded level unless stuck).</summary>
    public bool ContactClosed => StuckAt ?? _commanded;

    /// <inheritdoc />
    public bool IsOn => _commanded;

    /// <inheritdoc />
    public void Write(bool on)
    {
        if (on != _commanded)
        {
            SwitchCount++;
        }

        _commanded = on;
    }
}
