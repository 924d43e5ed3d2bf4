namespace Tocsin.Controller.Alerts;

/// <summary>Text forms of <see cref="Hazard"/>: the lowercase word, as the broadcast command's "hazard" carries it.</summary>
public static class Hazards
{
    private static readonly Dictionary<string, Hazard> ByText = Enum.GetValues<Hazard>().ToDictionary(ToText, h => h, StringComparer.Ordinal);

    /// <summary>"rainstorm", "waterlogging", ...</summary>
    public static string ToText(Hazard hazard) => hazard switch
    {
        Hazard.Rainstorm => "rainstorm",
        Hazard.Waterlogging => "waterlogging",
        Hazard.Typhoon => "typhoon",
        Hazard.Flood => "flood",
        Hazard.Geological => "geological",
        Hazard.Earthquake => "earthquake",
        Hazard.Fire => "fire",
        _ => "other",
    };

    /// <summary>Parses the lowercase word.</summary>
    public static bool TryParse(string? text, out Hazard hazard)
    {
        hazard = Hazard.Other;
        return text != null && ByText.TryGetValue(text, out hazard);
    }
}
