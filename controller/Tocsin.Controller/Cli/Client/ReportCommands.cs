using System.CommandLine;
using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary><c>report district [--alert id]</c> and <c>audit [--limit n]</c>.</summary>
public static class ReportCommands
{
    /// <summary>The <c>report</c> command group.</summary>
    public static Command Report(ClientOptions common)
    {
        var report = new Command("report", "Figures against the plan.");
        var alert = new Option<string?>("--alert") { Description = "alert whose warning reach to show" };
        report.Subcommands.Add(ClientCommand.Create("district", "Terminal coverage, warning reach and reports on time against their targets.", common, async call =>
        {
            string? id = call.Value(alert);
            string path = "/api/reports/district" + (id == null ? string.Empty : "?alert=" + Uri.EscapeDataString(id));
            return await call.ShowAsync(await call.Api.GetAsync(path, call.Cancellation).ConfigureAwait(false), Scorecard).ConfigureAwait(false);
        }, alert));
        return report;
    }

    /// <summary>The <c>audit</c> command.</summary>
    public static Command Audit(ClientOptions common)
    {
        var limit = new Option<int>("--limit") { Description = "how many entries, newest first", DefaultValueFactory = _ => 100 };
        return ClientCommand.Create("audit", "Recent audit entries (approver or admin).", common, async call =>
        {
            ApiAnswer answer = await call.Api.GetAsync("/api/audit?limit=" + call.Value(limit), call.Cancellation).ConfigureAwait(false);
            return await call.ShowAsync(answer, body =>
            {
                var table = new TextTable("ID", "AT", "ACTOR", "ACTION", "SUBJECT", "DETAIL");
                foreach (JsonElement e in CliJson.Items(body))
                {
                    table.Add(CliJson.Text(e, "id"), CliJson.Time(e, "atUtc"), CliJson.Text(e, "actor"), CliJson.Text(e, "action"), CliJson.Text(e, "subject"), CliJson.Text(e, "detail"));
                }

                return table.Count == 0 ? "no audit entries" : table.ToString();
            }).ConfigureAwait(false);
        }, limit);
    }

    private static string Scorecard(JsonElement s)
    {
        var table = new TextTable("MEASURE", "VALUE", "TARGET", "MET");
        foreach ((string label, string name) in new[] { ("terminal coverage", "terminalCoverage"), ("warning reach", "warningReach"), ("reports on time", "reportsOnTime") })
        {
            JsonElement m = CliJson.Get(s, name);
            table.Add(label, CliJson.Percent(CliJson.Number(m, "value")), CliJson.Percent(CliJson.Number(m, "target")), CliJson.Text(m, "met"));
        }

        return "district population " + CliJson.Text(s, "districtPopulation") + ", covered by healthy speakers " + CliJson.Text(s, "healthyCoveredPopulation") + "\n" + table;
    }
}
