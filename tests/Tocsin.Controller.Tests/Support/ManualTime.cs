namespace Tocsin.Controller.Tests.Support;

/// <summary>A clock the test moves by hand (session expiry, audit timestamps).</summary>
public sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
