namespace Tocsin.Controller.Alerts;

/// <summary>Text forms of <see cref="AlertKind"/>.</summary>
public static class AlertKinds
{
    /// <summary>The signed command's "mode": "live" or "drill". The only place the mode is decided.</summary>
    public static string CommandMode(AlertKind kind) => kind == AlertKind.Drill ? "drill" : "live";

    /// <summary>"live" or "drill", for the API.</summary>
    public static string ToText(AlertKind kind) => CommandMode(kind);

    /// <summary>Parses "live" or "drill".</summary>
    public static bool TryParse(string? text, out AlertKind kind)
    {
        kind = text == "drill" ? AlertKind.Drill : AlertKind.Live;
        return text is "live" or "drill";
    }
}
