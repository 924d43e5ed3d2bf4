using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// Virtual time for one node: monotonic milliseconds since its boot, plus a UTC clock that is
/// either synchronized (with an optional skew, for clock-skew faults) or not.
/// </summary>
public sealed class SimClock : IClock
{
    private long _monotonicMs;

    /// <summary>Creates a clock at monotonic 0, synchronized to <paramref name="utcAtZeroMs"/>.</summary>
    public SimClock(long utcAtZeroMs, bool synchronized = true)
    {
        UtcAtZeroMs = utcAtZeroMs;
        Synchronized = synchronized;
    }

    /// <summary>UTC (Unix ms) when monotonic time was 0.</summary>
    public long UtcAtZeroMs { get; set; }

    /// <summary>Whether UTC is available (SNTP reached on a board).</summary>
    public bool Synchronized { get; set; }

    /// <summary>Added to UTC readings: a wrong clock.</summary>
    public long SkewMs { get; set; }

    /// <summary>Current UTC as the world sees it (no skew), for tests and the simulator.</summary>
    public long TrueUtcMs => UtcAtZeroMs + _monotonicMs;

    /// <inheritdoc />
    public long MonotonicMs() => _monotonicMs;

    /// <inheritdoc />
    public bool TryGetUtcMs(out long utcMs)
    {
        utcMs = UtcAtZeroMs + _monotonicMs + SkewMs;
        return Synchronized;
    }

    /// <summary>Moves time forward.</summary>
    public void Advance(long ms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ms);
        _monotonicMs += ms;
    }

    /// <summary>A reboot: monotonic time restarts at 0 while UTC goes on.</summary>
    public void Restart()
    {
        UtcAtZeroMs += _monotonicMs;
        _monotonicMs = 0;
    }
}
