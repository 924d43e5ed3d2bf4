using System.CommandLine;
using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary><c>alarms list|ack</c>.</summary>
public static class AlarmCommands
{
    /// <summary>The <c>alarms</c> command group.</summary>
    public static Command Create(ClientOptions common)
    {
        var alarms = new Command("alarms", "Operator alarms (offline nodes, faults, failed deliveries, proposed warnings, refused commands).");
        alarms.Subcommands.Add(ClientCommand.Create("list", "Open alarms.", common, async call =>
            await call.ShowAsync(await call.Api.GetAsync("/api/alarms", call.Cancellation).ConfigureAwait(false), List).ConfigureAwait(false)));

        var id = new Argument<long>("id") { Description = "alarm id" };
        alarms.Subcommands.Add(ClientCommand.Create("ack", "Acknowledge an alarm (stops its repeats).", common, async call =>
        {
            ApiAnswer answer = await call.Api.PostAsync("/api/alarms/" + call.Value(id) + "/ack", null, call.Cancellation).ConfigureAwait(false);
            return await call.ShowAsync(answer, a => "alarm " + CliJson.Text(a, "id") + " acknowledged by " + CliJson.Text(a, "acknowledgedBy") + ": " + CliJson.Text(a, "message")).ConfigureAwait(false);
        }, id));
        return alarms;
    }

    private static string List(JsonElement body)
    {
        var table = new TextTable("ID", "RAISED", "NODE", "KEY", "TIMES", "ESCALATED", "ACKNOWLEDGED", "MESSAGE");
        foreach (JsonElement a in CliJson.Items(body))
        {
            string ack = CliJson.Text(a, "acknowledgedBy") is { Length: > 0 } by ? by + " " + CliJson.Time(a, "acknowledgedAt") : "no";
            table.Add(CliJson.Text(a, "id"), CliJson.Time(a, "raisedAt"), CliJson.Text(a, "nodeId"), CliJson.Text(a, "key"), CliJson.Text(a, "notifications"),
                CliJson.Time(a, "escalatedAt"), ack, CliJson.Text(a, "message"));
        }

        return table.Count == 0 ? "no open alarms" : table.ToString();
    }
}
