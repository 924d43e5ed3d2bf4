using System.CommandLine;

namespace Tocsin.Controller.Cli.Client;

/// <summary><c>alert create|list|show|submit|approve|dispatch|cancel|allclear|update|deliveries|coverage</c>.</summary>
public static class AlertCommands
{
    /// <summary>The <c>alert</c> command group.</summary>
    public static Command Create(ClientOptions common)
    {
        var alert = new Command("alert", "Alerts: write, approve, dispatch, follow up, end.");
        alert.Subcommands.Add(AlertEditCommands.Create(common));
        alert.Subcommands.Add(ClientCommand.Create("list", "All alerts, newest first.", common, async call =>
            await call.ShowAsync(await call.Api.GetAsync("/api/alerts", call.Cancellation).ConfigureAwait(false), AlertViews.List).ConfigureAwait(false)));
        alert.Subcommands.Add(Get(common, "show", "One alert.", string.Empty, b => AlertViews.Show(b)));
        foreach ((string verb, string description) in new[]
        {
            ("submit", "Submit a draft for a second person's approval."),
            ("approve", "Approve an alert (or a dispatched alert's pending update) as the second person."),
            ("dispatch", "Send the alert to the speakers."),
            ("cancel", "Cancel the alert; speakers playing it stop."),
            ("allclear", "Sound the all-clear for a dispatched alert."),
        })
        {
            var id = new Argument<string>("id") { Description = "alert id" };
            alert.Subcommands.Add(ClientCommand.Create(verb, description, common, async call =>
            {
                ApiAnswer answer = await call.Api.PostAsync("/api/alerts/" + Uri.EscapeDataString(call.Value(id)!) + "/" + verb, null, call.Cancellation).ConfigureAwait(false);
                return await call.ShowAsync(answer, AlertViews.Summary).ConfigureAwait(false);
            }, id));
        }

        alert.Subcommands.Add(AlertEditCommands.Update(common));
        alert.Subcommands.Add(Get(common, "deliveries", "Per-speaker results of the alert.", "/deliveries", AlertViews.Deliveries));
        alert.Subcommands.Add(Get(common, "coverage", "Population reached per street, community and the district; silent and failed speakers.", "/coverage", CoverageView.Format));
        return alert;
    }

    private static Command Get(ClientOptions common, string name, string description, string suffix, Func<System.Text.Json.JsonElement, string> view)
    {
        var id = new Argument<string>("id") { Description = "alert id" };
        return ClientCommand.Create(name, description, common, async call =>
        {
            ApiAnswer answer = await call.Api.GetAsync("/api/alerts/" + Uri.EscapeDataString(call.Value(id)!) + suffix, call.Cancellation).ConfigureAwait(false);
            return await call.ShowAsync(answer, view).ConfigureAwait(false);
        }, id);
    }
}
