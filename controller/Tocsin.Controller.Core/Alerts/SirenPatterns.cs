namespace Tocsin.Controller.Alerts;

/// <summary>Text forms of <see cref="SirenPattern"/>, as the broadcast command's "siren" carries them.</summary>
public static class SirenPatterns
{
    /// <summary>"none", "wail", "steady", "hilo" or "pulse".</summary>
    public static string ToText(SirenPattern pattern) => pattern switch
    {
        SirenPattern.Wail => "wail",
        SirenPattern.Steady => "steady",
        SirenPattern.HiLo => "hilo",
        SirenPattern.Pulse => "pulse",
        _ => "none",
    };

    /// <summary>Parses the word.</summary>
    public static bool TryParse(string? text, out SirenPattern pattern)
    {
        pattern = text switch
        {
            "wail" => SirenPattern.Wail,
            "steady" => SirenPattern.Steady,
            "hilo" => SirenPattern.HiLo,
            "pulse" => SirenPattern.Pulse,
            _ => SirenPattern.None,
        };
        return text is "none" or "wail" or "steady" or "hilo" or "pulse";
    }
}
