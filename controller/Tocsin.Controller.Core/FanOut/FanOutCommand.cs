namespace Tocsin.Controller.FanOut;

/// <summary>
/// One signed command as planned: its fields and the exact "cmd" bytes every envelope embeds and every
/// MAC covers. Plain data, so the host can store it and re-sign the same bytes for resends after a restart.
/// </summary>
/// <param name="CommandId">"id" (<see cref="CommandIds"/>).</param>
/// <param name="Seq">"seq", from the controller-wide sequence.</param>
/// <param name="Kind">"kind": broadcast, cancel or allclear.</param>
/// <param name="Mode">"mode": live or drill, from the alert's kind.</param>
/// <param name="IssuedUtcMs">"iss".</param>
/// <param name="ExpiresUtcMs">"exp": after it, nodes refuse the command and resends stop.</param>
/// <param name="CommandBytes">The serialized "cmd" object.</param>
/// <param name="AlertId">The alert it belongs to.</param>
/// <param name="AlertVersion">The alert version it carries (for cancels, the version it stops).</param>
public sealed record FanOutCommand(
    string CommandId,
    long Seq,
    string Kind,
    string Mode,
    long IssuedUtcMs,
    long ExpiresUtcMs,
    byte[] CommandBytes,
    string AlertId,
    int AlertVersion)
{
    /// <summary>True once <paramref name="now"/> has reached the command's expiry.</summary>
    public bool IsExpired(DateTimeOffset now) => now.ToUnixTimeMilliseconds() >= ExpiresUtcMs;
}
