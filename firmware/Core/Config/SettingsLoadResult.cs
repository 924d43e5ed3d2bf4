namespace Tocsin.Firmware.Config;

/// <summary>How the settings store was found at boot.</summary>
public static class SettingsLoadResult
{
    /// <summary>Read and valid.</summary>
    public const int Loaded = 0;

    /// <summary>Nothing stored yet: defaults (a new, unprovisioned board).</summary>
    public const int Missing = 1;

    /// <summary>Stored but corrupt (bad CRC or not parseable): safe defaults in force.</summary>
    public const int Corrupt = 2;

    /// <summary>Readable, but some values were out of bounds and were replaced by defaults.</summary>
    public const int Repaired = 3;

    /// <summary>Text for the console and the status message.</summary>
    public static string ToText(int result)
    {
        switch (result)
        {
            case Loaded:
                return "ok";
            case Missing:
                return "defaults";
            case Corrupt:
                return "corrupt_defaults";
            default:
                return "repaired";
        }
    }
}
