using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// The auxiliary (feedback) contact of a simulated relay: reads the relay's real contact state, so
/// a relay stuck by <see cref="SimDigitalOutput.StuckAt"/> is seen by the firmware as it would be
/// on the board. The firmware polls it; no edges are raised.
/// </summary>
public sealed class SimRelayContact : IDigitalInput
{
    private readonly SimDigitalOutput _relay;

    /// <summary>Creates the contact of <paramref name="relay"/>.</summary>
    public SimRelayContact(SimDigitalOutput relay)
    {
        _relay = relay;
    }

    /// <inheritdoc />
    public event DigitalEdgeHandler? Edge
    {
        add { }
        remove { }
    }

    /// <summary>When true the contact wiring is broken and always reads open.</summary>
    public bool Broken { get; set; }

    /// <inheritdoc />
    public bool Read() => !Broken && _relay.ContactClosed;
}
