using System.Text;
using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary>Human output for an alert's coverage: per street and community, the district, and speakers that did not play.</summary>
public static class CoverageView
{
    /// <summary>The coverage report.</summary>
    public static string Format(JsonElement c)
    {
        var text = new StringBuilder();
        text.Append("alert ").Append(CliJson.Text(c, "alertId")).Append(", results by ").Append(CliJson.Time(c, "deadline")).Append('\n');
        var table = new TextTable("AREA", "LEVEL", "RESIDENTS", "TARGETED", "REACHED", "REACHED/TARGETED", "REACHED/RESIDENTS", "SPEAKERS REACHED");
        List<JsonElement> communities = CliJson.Items(c, "communities").ToList();
        foreach (JsonElement street in CliJson.Items(c, "streets"))
        {
            string streetId = CliJson.Text(street, "streetId");
            Row(table, streetId, "street", CliJson.Get(street, "figures"));
            foreach (JsonElement community in communities.Where(x => CliJson.Text(x, "streetId") == streetId))
            {
                Row(table, "  " + CliJson.Text(community, "communityId"), "community", CliJson.Get(community, "figures"));
            }
        }

        Row(table, "district", "district", CliJson.Get(c, "district"));
        text.Append(table);
        Speakers(text, "silent speakers (no report by the deadline)", CliJson.Items(c, "silent").ToList());
        Speakers(text, "failed speakers (reported, never played)", CliJson.Items(c, "failed").ToList());
        return text.ToString();
    }

    private static void Row(TextTable table, string area, string level, JsonElement f) =>
        table.Add(area, level, CliJson.Text(f, "residents"), CliJson.Text(f, "targetedPopulation"), CliJson.Text(f, "reachedPopulation"),
            CliJson.Percent(CliJson.Number(f, "ratio")), CliJson.Percent(CliJson.Number(f, "residentRatio")),
            CliJson.Text(f, "speakersReached") + "/" + CliJson.Text(f, "speakers"));

    private static void Speakers(StringBuilder text, string heading, List<JsonElement> speakers)
    {
        text.Append('\n').Append(heading).Append(": ");
        if (speakers.Count == 0)
        {
            text.Append("none\n");
            return;
        }

        text.Append(speakers.Count).Append('\n');
        var table = new TextTable("NODE", "COMMUNITY", "COVERS", "STATE", "REASON");
        foreach (JsonElement s in speakers)
        {
            table.Add(CliJson.Text(s, "nodeId"), CliJson.Text(s, "communityId"), CliJson.Text(s, "coveredPopulation"), CliJson.Text(s, "state"), CliJson.Text(s, "reason"));
        }

        text.Append(table);
    }
}
