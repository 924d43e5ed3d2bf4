namespace Tocsin.Controller.Tests.Support;

/// <summary>Wall and monotonic time both moved by the test, as the simulator's virtual clock is, for an engine the test steps.</summary>
public sealed class SteppedTime : TimeProvider
{
    private DateTimeOffset _now = new(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => _now.ToUnixTimeMilliseconds();

    public void Advance(TimeSpan by) => _now += by;
}
