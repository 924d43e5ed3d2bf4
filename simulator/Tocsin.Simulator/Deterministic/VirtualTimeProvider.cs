namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// The controller's clock in a deterministic run: it reads whatever moment the simulation has
/// reached, so rule holds, resends, expiry and offline detection happen in virtual time.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private long _utcMs;

    /// <summary>Starts at <paramref name="utcMs"/> (Unix ms).</summary>
    public VirtualTimeProvider(long utcMs)
    {
        _utcMs = utcMs;
    }

    /// <summary>Now, Unix ms.</summary>
    public long UtcMs => Volatile.Read(ref _utcMs);

    /// <summary>Moves to <paramref name="utcMs"/>; time never runs backwards.</summary>
    public void Set(long utcMs)
    {
        if (utcMs < _utcMs)
        {
            throw new ArgumentOutOfRangeException(nameof(utcMs), "virtual time cannot run backwards");
        }

        Volatile.Write(ref _utcMs, utcMs);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(UtcMs);

    /// <inheritdoc />
    public override long TimestampFrequency => 1000;

    /// <inheritdoc />
    public override long GetTimestamp() => UtcMs;
}
