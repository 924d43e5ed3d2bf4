using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Mqtt;

/// <summary>
/// Full-jitter exponential backoff: delay = random(0, min(cap, base * 2^attempt)). The jitter
/// spreads a district's thousands of nodes after a broker restart, so they do not reconnect in
/// one wave and knock it over again.
/// </summary>
public sealed class BackoffPolicy
{
    private readonly XorShiftRandom _random;

    /// <summary>Creates a policy drawing from <paramref name="random"/>.</summary>
    public BackoffPolicy(XorShiftRandom random, long baseMs, long capMs)
    {
        _random = random;
        BaseMs = baseMs;
        CapMs = capMs;
    }

    /// <summary>Delay ceiling of the first retry.</summary>
    public long BaseMs { get; set; }

    /// <summary>Largest delay ceiling.</summary>
    public long CapMs { get; set; }

    /// <summary>The ceiling for <paramref name="attempt"/> (0 for the first retry).</summary>
    public long CeilingMs(int attempt)
    {
        long ceiling = BaseMs;
        for (int i = 0; i < attempt && ceiling < CapMs; i++)
        {
            ceiling *= 2;
        }

        return IntMath.Min(ceiling, CapMs);
    }

    /// <summary>A random delay in [0, ceiling] for <paramref name="attempt"/>.</summary>
    public long NextDelayMs(int attempt) => _random.NextLong(CeilingMs(attempt) + 1);
}
