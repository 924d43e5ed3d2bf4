using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// When a broadcast may sound. The window is kept in UTC (checked against trusted time whenever
/// the node has it, so a clock that syncs mid-broadcast still ends it on time) and mirrored on the
/// monotonic clock for when it has not: a drill or test accepted without trusted time is then
/// timed from its arrival, as if it had been sent that moment.
/// </summary>
public static class Validity
{
    /// <summary>Longest validity a command may ask for, from its issue time.</summary>
    public const long MaxValidityMs = 24L * 3600 * 1000;

    /// <summary>
    /// Sets the window of <paramref name="b"/>: from <paramref name="startUtcMs"/> (0: at once) to
    /// <paramref name="expiresUtcMs"/> (0: the command's own expiry). Returns null, or what is wrong.
    /// </summary>
    public static string SetWindow(Broadcast b, VerifiedCommand c, long startUtcMs, long expiresUtcMs, long nowMs, bool hasUtc, long utcMs)
    {
        long end = expiresUtcMs > 0 ? expiresUtcMs : c.ExpiresUtcMs;
        if (end - c.IssuedUtcMs > MaxValidityMs)
        {
            return "\"expires\" is more than 24 h after the command was issued";
        }

        if (startUtcMs > 0 && startUtcMs >= end)
        {
            return "\"start\" is not before the end of validity";
        }

        b.StartUtcMs = startUtcMs;
        b.EndUtcMs = end;
        long reference = hasUtc ? utcMs : c.IssuedUtcMs;
        b.StartMonoMs = startUtcMs > reference ? nowMs + (startUtcMs - reference) : nowMs;
        b.EndMonoMs = nowMs + (end - reference);
        return null;
    }

    /// <summary>True when the validity of <paramref name="b"/> has ended.</summary>
    public static bool IsExpired(Broadcast b, long nowMs, bool hasUtc, long utcMs) => nowMs >= EndsAtMs(b, nowMs, hasUtc, utcMs);

    /// <summary>True when the start time of <paramref name="b"/> has come.</summary>
    public static bool HasStarted(Broadcast b, long nowMs, bool hasUtc, long utcMs) => nowMs >= StartsAtMs(b, nowMs, hasUtc, utcMs);

    /// <summary>
    /// When the validity of <paramref name="b"/> ends on the monotonic clock (from trusted time when
    /// the node has it); <see cref="long.MaxValue"/> when it has no end.
    /// </summary>
    public static long EndsAtMs(Broadcast b, long nowMs, bool hasUtc, long utcMs)
    {
        if (b.EndUtcMs > 0 && hasUtc)
        {
            return nowMs + (b.EndUtcMs - utcMs);
        }

        return b.EndMonoMs > 0 ? b.EndMonoMs : long.MaxValue;
    }

    /// <summary>When <paramref name="b"/> may start, on the monotonic clock (from trusted time when the node has it).</summary>
    public static long StartsAtMs(Broadcast b, long nowMs, bool hasUtc, long utcMs) =>
        b.StartUtcMs > 0 && hasUtc ? nowMs + (b.StartUtcMs - utcMs) : b.StartMonoMs;
}
