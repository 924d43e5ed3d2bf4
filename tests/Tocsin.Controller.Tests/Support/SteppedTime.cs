namespace Tocsin.Controller.Tests.Support;

/// <summary>
/// Wall and monotonic time both moved by the test, as the simulator's virtual clock is, for an engine
/// the test steps; the wall clock alone can also be set off, as a clock correction sets a real one.
/// </summary>
public sealed class SteppedTime : TimeProvider
{
    private DateTimeOffset _monotonic = new(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
    private TimeSpan _wallOffset;

    public override DateTimeOffset GetUtcNow() => _monotonic + _wallOffset;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => _monotonic.ToUnixTimeMilliseconds();

    /// <summary>Moves both clocks on.</summary>
    public void Advance(TimeSpan by) => _monotonic += by;

    /// <summary>Moves the wall clock alone by <paramref name="by"/> (back when negative); monotonic time does not move.</summary>
    public void ShiftWall(TimeSpan by) => _wallOffset += by;
}
