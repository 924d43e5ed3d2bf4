namespace Tocsin.Simulator.Tests.Reports;

/// <summary>A wall clock that moves only when the test says.</summary>
internal sealed class FakeWallClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
