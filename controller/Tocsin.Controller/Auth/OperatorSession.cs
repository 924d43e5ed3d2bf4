namespace Tocsin.Controller.Auth;

/// <summary>A signed-in operator.</summary>
/// <param name="Name">Operator name.</param>
/// <param name="Role">One of <see cref="OperatorRole"/>.</param>
/// <param name="ExpiresUtc">When the token stops working.</param>
public sealed record OperatorSession(string Name, string Role, DateTimeOffset ExpiresUtc);
