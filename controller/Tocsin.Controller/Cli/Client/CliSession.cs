namespace Tocsin.Controller.Cli.Client;

/// <summary>What <c>login</c> keeps between commands: the controller, the bearer token and when it expires.</summary>
/// <param name="Api">The controller's base URL.</param>
/// <param name="Token">The bearer token.</param>
/// <param name="Name">The signed-in operator.</param>
/// <param name="Role">The operator's role.</param>
/// <param name="ExpiresUtc">When the token stops working.</param>
public sealed record CliSession(string Api, string Token, string Name, string Role, DateTimeOffset ExpiresUtc);
