using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary><c>login</c> and <c>logout</c>.</summary>
public static class SessionCommands
{
    /// <summary>Both commands.</summary>
    public static IEnumerable<Command> Create(ClientOptions common)
    {
        var name = new Option<string>("--name") { Description = "operator name", Required = true };
        yield return ClientCommand.Create("login", "Sign in; the password comes from " + PasswordSource.Variable + " or a prompt. Keeps the token in the session file (0600).", common, async call =>
        {
            string operatorName = call.Value(name)!;
            string password = PasswordSource.Read(operatorName);
            ApiAnswer answer = await call.Api.PostAsync("/api/auth/login", new { name = operatorName, password }, call.Cancellation).ConfigureAwait(false);
            var session = new CliSession(call.Api.BaseUrl, CliJson.Text(answer.Body, "token"), CliJson.Text(answer.Body, "name"), CliJson.Text(answer.Body, "role"),
                DateTimeOffset.Parse(CliJson.Text(answer.Body, "expiresUtc"), CultureInfo.InvariantCulture));
            SessionStore.Save(session);
            // The raw answer holds the token; --json shows it without the token.
            string json = JsonSerializer.Serialize(new { api = session.Api, name = session.Name, role = session.Role, expiresUtc = session.ExpiresUtc, session = SessionStore.FilePath }, CliJson.Options);
            return await call.ShowAsync(answer with { Raw = json }, _ =>
                "signed in to " + session.Api + " as " + session.Name + " (" + session.Role + ") until " + CliJson.Time(answer.Body, "expiresUtc") + "\nsession: " + SessionStore.FilePath).ConfigureAwait(false);
        }, name);

        yield return ClientCommand.Create("logout", "End the session at the controller and delete the session file.", common, async call =>
        {
            if (call.Session == null)
            {
                await Console.Out.WriteLineAsync("not signed in").ConfigureAwait(false);
                return 0;
            }

            try
            {
                if (call.Session.ExpiresUtc > DateTimeOffset.UtcNow && string.Equals(call.Session.Api.TrimEnd('/'), call.Api.BaseUrl, StringComparison.OrdinalIgnoreCase))
                {
                    await call.Api.PostAsync("/api/auth/logout", null, call.Cancellation).ConfigureAwait(false);
                }
            }
            catch (ApiRefusedException)
            {
                // The controller no longer knows the token: nothing to end there.
            }
            finally
            {
                SessionStore.Delete();
            }

            await Console.Out.WriteLineAsync("signed out of " + call.Session.Api).ConfigureAwait(false);
            return 0;
        });
    }
}
