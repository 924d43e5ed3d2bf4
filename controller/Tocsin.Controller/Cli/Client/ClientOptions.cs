using System.CommandLine;

namespace Tocsin.Controller.Cli.Client;

/// <summary>The options every client command takes: <c>--api</c> and <c>--json</c>.</summary>
public sealed class ClientOptions
{
    /// <summary>The controller's URL; default from the session, else <see cref="SessionStore.DefaultApi"/>.</summary>
    public Option<string?> Api { get; } = new("--api") { Description = "controller URL (default: the session's, else " + SessionStore.DefaultApi + ")" };

    /// <summary>Print the raw JSON answer.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "print the controller's raw JSON answer" };
}
