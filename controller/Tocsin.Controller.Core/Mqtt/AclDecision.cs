namespace Tocsin.Controller.Mqtt;

/// <summary>The broker's answer to one publish or subscribe by a node, with the reason the host logs when refused.</summary>
/// <param name="Allowed">True when the node may do it.</param>
/// <param name="Reason">Why it was refused; null when allowed.</param>
public sealed record AclDecision(bool Allowed, string? Reason)
{
    /// <summary>Allowed.</summary>
    public static AclDecision Allow { get; } = new(true, null);

    /// <summary>Refused for <paramref name="reason"/>.</summary>
    public static AclDecision Deny(string reason) => new(false, reason);
}
