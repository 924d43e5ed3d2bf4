namespace Tocsin.Firmware.SensorNode.Rain;

/// <summary>
/// Reed-switch debouncing for the tipping bucket: after an accepted tip, further edges within the
/// lockout are contact bounce and never count as rain. A bucket cannot tip again within a few
/// hundred milliseconds even in record rain (0.2 mm tips at 300 mm/h are 2.4 s apart), so a
/// lockout of ~150 ms rejects bounce without losing tips.
/// </summary>
public sealed class TipDebouncer
{
    private long _lastAcceptedMs = long.MinValue / 2;

    /// <summary>Edges closer than this to the last accepted tip are bounce.</summary>
    public long LockoutMs { get; set; } = 150;

    /// <summary>Edges rejected as bounce since boot.</summary>
    public int BounceCount { get; private set; }

    /// <summary>Tips accepted since boot.</summary>
    public int TipCount { get; private set; }

    /// <summary>True when the edge at <paramref name="atMs"/> is a real tip.</summary>
    public bool Accept(long atMs)
    {
        if (atMs - _lastAcceptedMs < LockoutMs)
        {
            BounceCount++;
            return false;
        }

        _lastAcceptedMs = atMs;
        TipCount++;
        return true;
    }
}
