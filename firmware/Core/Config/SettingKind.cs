namespace Tocsin.Firmware.Config;

/// <summary>What a setting holds (constants: Enum.ToString gives numbers on the device).</summary>
public static class SettingKind
{
    /// <summary>An integer within [Min, Max].</summary>
    public const int Integer = 0;

    /// <summary>Text of at most Max characters matching the setting's alphabet.</summary>
    public const int Text = 1;

    /// <summary>true or false (also on/off, 1/0 on the console).</summary>
    public const int Boolean = 2;

    /// <summary>A 32-byte key given as base64; write-only, never printed.</summary>
    public const int Key = 3;
}
