namespace Tocsin.Firmware.Hardware;

/// <summary>
/// Time as the firmware sees it. Logic never reads the wall clock itself: the node loop passes
/// <see cref="MonotonicMs"/> into every Tick, and freshness checks ask for UTC only through here,
/// so the simulator can run thousands of nodes on virtual time.
/// </summary>
public interface IClock
{
    /// <summary>Milliseconds since boot; never goes backwards, unaffected by time sync.</summary>
    long MonotonicMs();

    /// <summary>
    /// UTC in Unix milliseconds, only when the clock has been synchronized (SNTP on the board).
    /// Returns false while the time cannot be trusted, e.g. right after a cold boot.
    /// </summary>
    bool TryGetUtcMs(out long utcMs);
}
