using System.CommandLine;

namespace Tocsin.Controller.Cli.Client;

/// <summary>Builds client commands: adds <c>--api</c> and <c>--json</c>, picks the controller and token, and maps failures to exit codes.</summary>
public static class ClientCommand
{
    /// <summary>Exit code: the controller refused.</summary>
    public const int Refused = 1;

    /// <summary>Exit code: bad input.</summary>
    public const int InputError = 2;

    /// <summary>Exit code: the controller could not be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>A command named <paramref name="name"/> with <paramref name="symbols"/> that runs <paramref name="action"/>.</summary>
    public static Command Create(string name, string description, ClientOptions common, Func<ClientCall, Task<int>> action, params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(common);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(symbols);
        var command = new Command(name, description);
        foreach (Symbol symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                default:
                    throw new ArgumentException("not an option or argument: " + symbol.Name, nameof(symbols));
            }
        }

        command.Options.Add(common.Api);
        command.Options.Add(common.Json);
        command.SetAction((parse, cancellation) => RunAsync(parse, common, action, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, ClientOptions common, Func<ClientCall, Task<int>> action, CancellationToken cancellation)
    {
        CliSession? session = SessionStore.Load();
        string api = parse.GetValue(common.Api) ?? session?.Api ?? SessionStore.DefaultApi;
        // The token goes only to the controller that issued it, and only while it is valid.
        string? token = session != null && SameController(session.Api, api) && session.ExpiresUtc > DateTimeOffset.UtcNow ? session.Token : null;
        try
        {
            using var client = new ApiClient(api, token);
            return await action(new ClientCall(parse, client, parse.GetValue(common.Json), session, cancellation)).ConfigureAwait(false);
        }
        catch (ApiRefusedException ex)
        {
            await Console.Error.WriteLineAsync("refused: " + ex.Message).ConfigureAwait(false);
            return Refused;
        }
        catch (ControllerUnreachableException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return Unreachable;
        }
        catch (CliInputException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return InputError;
        }
    }

    private static bool SameController(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
