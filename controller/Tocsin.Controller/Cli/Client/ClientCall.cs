using System.CommandLine;

namespace Tocsin.Controller.Cli.Client;

/// <summary>One client command's run: its parse result, the API client, and output helpers.</summary>
/// <param name="Parse">The parse result.</param>
/// <param name="Api">The client for the chosen controller.</param>
/// <param name="Json">Whether to print raw JSON.</param>
/// <param name="Session">The stored session, if any.</param>
/// <param name="Cancellation">Cancelled on Ctrl+C.</param>
public sealed record ClientCall(ParseResult Parse, ApiClient Api, bool Json, CliSession? Session, CancellationToken Cancellation)
{
    /// <summary>An option's value.</summary>
    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>An argument's value.</summary>
    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>Prints the raw answer with <c>--json</c>, else <paramref name="human"/>'s text; returns 0.</summary>
    public async Task<int> ShowAsync(ApiAnswer answer, Func<System.Text.Json.JsonElement, string> human)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(human);
        string text = Json ? answer.Raw : human(answer.Body);
        if (text.Length > 0)
        {
            await Console.Out.WriteAsync(text.EndsWith('\n') ? text : text + "\n").ConfigureAwait(false);
        }

        return 0;
    }
}
