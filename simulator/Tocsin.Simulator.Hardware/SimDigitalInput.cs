using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>A switch or status line the test or scenario sets; raises an edge on every change.</summary>
public sealed class SimDigitalInput : IDigitalInput
{
    private readonly SimClock _clock;
    private bool _active;

    /// <summary>Creates an input, inactive, time-stamping edges from <paramref name="clock"/>.</summary>
    public SimDigitalInput(SimClock clock, bool active = false)
    {
        _clock = clock;
        _active = active;
    }

    /// <inheritdoc />
    public event DigitalEdgeHandler? Edge;

    /// <summary>Current level (true = active).</summary>
    public bool Active
    {
        get => _active;
        set
        {
            if (value == _active)
            {
                return;
            }

            _active = value;
            Edge?.Invoke(this, value, _clock.MonotonicMs());
        }
    }

    /// <inheritdoc />
    public bool Read() => _active;
}
