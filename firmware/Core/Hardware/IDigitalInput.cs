namespace Tocsin.Firmware.Hardware;

/// <summary>
/// One GPIO input (mains present, door/tamper switch, test and stop buttons). Edges may arrive on
/// an interrupt thread on the board; logic that needs them queues them and acts in its Tick.
/// </summary>
public interface IDigitalInput
{
    /// <summary>True when the input is active (the adapter applies the pull-up inversion).</summary>
    bool Read();

    /// <summary>Raised on each debounced level change.</summary>
    event DigitalEdgeHandler Edge;
}
