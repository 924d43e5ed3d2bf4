using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary><c>regions show</c>: the district, its streets and communities with populations.</summary>
public static class RegionCommands
{
    /// <summary>The <c>regions</c> command group.</summary>
    public static Command Create(ClientOptions common)
    {
        var regions = new Command("regions", "The region map the controller loaded.");
        regions.Subcommands.Add(ClientCommand.Create("show", "District, streets and communities as a tree with populations.", common, async call =>
            await call.ShowAsync(await call.Api.GetAsync("/api/regions", call.Cancellation).ConfigureAwait(false), Tree).ConfigureAwait(false)));
        return regions;
    }

    private static string Tree(JsonElement map)
    {
        var text = new StringBuilder();
        text.Append(CliJson.Text(map, "district")).Append("  ").Append(CliJson.Text(map, "name")).Append("  population ").Append(CliJson.Text(map, "population")).Append('\n');
        if (CliJson.Get(map, "sample").ValueKind == JsonValueKind.True)
        {
            string note = CliJson.Text(map, "note");
            text.Append(note.StartsWith("SAMPLE", StringComparison.Ordinal) ? note : "SAMPLE DATA: " + note).Append('\n');
        }

        List<JsonElement> streets = CliJson.Items(map, "streets").ToList();
        for (int i = 0; i < streets.Count; i++)
        {
            bool lastStreet = i == streets.Count - 1;
            JsonElement street = streets[i];
            text.Append(lastStreet ? "└─ " : "├─ ").Append(Line(street)).Append('\n');
            List<JsonElement> communities = CliJson.Items(street, "communities").ToList();
            for (int j = 0; j < communities.Count; j++)
            {
                text.Append(lastStreet ? "   " : "│  ").Append(j == communities.Count - 1 ? "└─ " : "├─ ").Append(Line(communities[j])).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Line(JsonElement area) =>
        CliJson.Text(area, "id") + "  " + CliJson.Text(area, "name") + "  population " + CliJson.Text(area, "population");
}
