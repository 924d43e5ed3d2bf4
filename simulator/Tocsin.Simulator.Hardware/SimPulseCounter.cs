using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// A tipping bucket's reed switch: each tip is one closing edge, optionally followed by contact
/// bounce (extra edges a few ms later), exactly what the firmware's debouncing must reject.
/// </summary>
public sealed class SimPulseCounter : IPulseCounter
{
    private readonly Queue<long> _pending = new();
    private readonly int _capacity;

    /// <summary>Creates a counter whose queue holds <paramref name="capacity"/> edges (like the adapter's ring).</summary>
    public SimPulseCounter(int capacity = 64)
    {
        _capacity = capacity;
    }

    /// <summary>Edges recorded (tips plus bounce).</summary>
    public int EdgeCount { get; private set; }

    /// <inheritdoc />
    public int OverflowCount { get; private set; }

    /// <summary>One tip at <paramref name="atMs"/> with <paramref name="bounces"/> bounce edges every <paramref name="bounceSpacingMs"/>.</summary>
    public void Tip(long atMs, int bounces = 0, long bounceSpacingMs = 3)
    {
        Edge(atMs);
        for (int i = 1; i <= bounces; i++)
        {
            Edge(atMs + (i * bounceSpacingMs));
        }
    }

    /// <inheritdoc />
    public int DrainPulses(long[] pulseTimesMs)
    {
        int n = 0;
        while (n < pulseTimesMs.Length && _pending.TryDequeue(out long t))
        {
            pulseTimesMs[n++] = t;
        }

        return n;
    }

    private void Edge(long atMs)
    {
        EdgeCount++;
        if (_pending.Count >= _capacity)
        {
            OverflowCount++;
            return;
        }

        _pending.Enqueue(atMs);
    }
}
