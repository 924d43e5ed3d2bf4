using System.Text;
using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary>Human output for alerts and their deliveries.</summary>
public static class AlertViews
{
    /// <summary>The level as the plan names it (I..IV), with its colour.</summary>
    public static string Level(JsonElement alert)
    {
        string level = CliJson.Text(alert, "level");
        return level switch
        {
            "red" => "I (red)",
            "orange" => "II (orange)",
            "yellow" => "III (yellow)",
            "blue" => "IV (blue)",
            _ => level,
        };
    }

    /// <summary>One line after an action: id, version, state.</summary>
    public static string Summary(JsonElement a) =>
        "alert " + CliJson.Text(a, "id") + " v" + CliJson.Text(a, "version") + ": " + CliJson.Text(a, "state") + " (" + CliJson.Text(a, "kind") + ", " + Level(a) + ", " + Target(a) + ")";

    /// <summary>Alerts as a table.</summary>
    public static string List(JsonElement body)
    {
        var table = new TextTable("ID", "V", "KIND", "HAZARD", "LEVEL", "STATE", "TARGET", "EXPIRES", "TITLE");
        foreach (JsonElement a in CliJson.Items(body))
        {
            table.Add(CliJson.Text(a, "id"), CliJson.Text(a, "version"), CliJson.Text(a, "kind"), CliJson.Text(a, "hazard"), Level(a), CliJson.Text(a, "state"),
                Target(a), CliJson.Time(a, "expiresAt"), CliJson.Text(CliJson.Get(a, "message"), "title"));
        }

        return table.Count == 0 ? "no alerts" : table.ToString();
    }

    /// <summary>One alert, field by field.</summary>
    public static string Show(JsonElement a)
    {
        JsonElement message = CliJson.Get(a, "message");
        var table = new TextTable("FIELD", "VALUE");
        table.Add("id", CliJson.Text(a, "id"));
        table.Add("version", CliJson.Text(a, "version"));
        table.Add("state", CliJson.Text(a, "state"));
        table.Add("kind", CliJson.Text(a, "kind"));
        table.Add("hazard", CliJson.Text(a, "hazard"));
        table.Add("level", Level(a));
        table.Add("target", Target(a));
        table.Add("communities", CliJson.Text(a, "communityIds"));
        table.Add("title", CliJson.Text(message, "title"));
        table.Add("text", CliJson.Text(message, "text"));
        table.Add("clips", CliJson.Text(message, "clips"));
        table.Add("siren", CliJson.Text(message, "siren"));
        table.Add("repeat", CliJson.Text(message, "repeat"));
        table.Add("source", CliJson.Text(a, "source") + (CliJson.Text(a, "sourceRef") is { Length: > 0 } r ? " " + r : string.Empty));
        table.Add("created", CliJson.Time(a, "createdAt") + " by " + CliJson.Text(a, "createdBy"));
        table.Add("approved", CliJson.Text(a, "approvedBy") is { Length: > 0 } by ? CliJson.Time(a, "approvedAt") + " by " + by : "-");
        table.Add("dispatched", CliJson.Time(a, "dispatchedAt") is { Length: > 0 } d ? d : "-");
        table.Add("expires", CliJson.Time(a, "expiresAt"));
        table.Add("ended", CliJson.Text(a, "endedBy") is { Length: > 0 } e ? CliJson.Time(a, "endedAt") + " by " + e : "-");
        if (CliJson.Get(a, "pendingUpdate").ValueKind == JsonValueKind.Object)
        {
            table.Add("pending update", "by " + CliJson.Text(a, "pendingUpdateBy") + ", waits for approval");
        }

        return table.ToString();
    }

    /// <summary>Per-speaker results.</summary>
    public static string Deliveries(JsonElement body)
    {
        var table = new TextTable("NODE", "COMMUNITY", "COMMAND", "STATE", "SENT", "FIRST SENT", "LAST SENT", "REASON");
        foreach (JsonElement d in CliJson.Items(body))
        {
            table.Add(CliJson.Text(d, "nodeId"), CliJson.Text(d, "communityId"), CliJson.Text(d, "commandId"), CliJson.Text(d, "state"), CliJson.Text(d, "sendCount"),
                CliJson.Time(d, "firstSentAt"), CliJson.Time(d, "lastSentAt"), CliJson.Text(d, "reason"));
        }

        return table.Count == 0 ? "no deliveries (not dispatched, or no speakers in the target)" : table.ToString();
    }

    private static string Target(JsonElement a)
    {
        JsonElement target = CliJson.Get(a, "target");
        string scope = CliJson.Text(target, "scope");
        string ids = CliJson.Text(target, "ids");
        var text = new StringBuilder(scope);
        if (ids.Length > 0)
        {
            text.Append(' ').Append(ids);
        }

        return text.ToString();
    }
}
