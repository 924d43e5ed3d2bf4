namespace Tocsin.Controller.Tests.Support;

/// <summary>A fixed, hand-advanced clock: the cores take time as an input, tests pass this one's value.</summary>
public sealed class FakeClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; private set; } = Start;

    public long NowMs => Now.ToUnixTimeMilliseconds();

    public DateTimeOffset Advance(TimeSpan by)
    {
        Now += by;
        return Now;
    }
}
