namespace Tocsin.Firmware.Config;

/// <summary>One setting: its name, type, bounds, default and who may change it.</summary>
public sealed class SettingDefinition
{
    /// <summary>Dotted name, e.g. "mqtt.port".</summary>
    public string Name;

    /// <summary>One of <see cref="SettingKind"/>.</summary>
    public int Kind;

    /// <summary>Smallest integer, or shortest text length.</summary>
    public long Min;

    /// <summary>Largest integer, or longest text length.</summary>
    public long Max;

    /// <summary>For text: one of <see cref="TextAlphabet"/>.</summary>
    public int Alphabet;

    /// <summary>Default integer or boolean (0/1).</summary>
    public long DefaultNumber;

    /// <summary>Default text (null for none).</summary>
    public string DefaultText;

    /// <summary>For text: the only values allowed (null for any value of the alphabet).</summary>
    public string[] Choices;

    /// <summary>Never printed back (passwords, keys).</summary>
    public bool Secret;

    /// <summary>May be changed by an authenticated "config" command from the controller.</summary>
    public bool Remote;

    /// <summary>One line of help for the console.</summary>
    public string Help;

    /// <summary>An integer setting.</summary>
    public static SettingDefinition Integer(string name, long min, long max, long defaultValue, string help)
    {
        return new SettingDefinition { Name = name, Kind = SettingKind.Integer, Min = min, Max = max, DefaultNumber = defaultValue, Help = help };
    }

    /// <summary>A text setting.</summary>
    public static SettingDefinition Text(string name, int minLength, int maxLength, int alphabet, string defaultValue, string help)
    {
        return new SettingDefinition { Name = name, Kind = SettingKind.Text, Min = minLength, Max = maxLength, Alphabet = alphabet, DefaultText = defaultValue, Help = help };
    }

    /// <summary>A text setting that must be one of <paramref name="choices"/>.</summary>
    public static SettingDefinition Choice(string name, string[] choices, string defaultValue, string help)
    {
        return new SettingDefinition { Name = name, Kind = SettingKind.Text, Min = 1, Max = 32, Alphabet = TextAlphabet.Identifier, Choices = choices, DefaultText = defaultValue, Help = help };
    }

    /// <summary>A boolean setting.</summary>
    public static SettingDefinition Boolean(string name, bool defaultValue, string help)
    {
        return new SettingDefinition { Name = name, Kind = SettingKind.Boolean, Min = 0, Max = 1, DefaultNumber = defaultValue ? 1 : 0, Help = help };
    }

    /// <summary>A 32-byte secret key.</summary>
    public static SettingDefinition Key(string name, string help)
    {
        return new SettingDefinition { Name = name, Kind = SettingKind.Key, Min = 32, Max = 32, Secret = true, Help = help };
    }

    /// <summary>Marks the setting secret; returns it for chaining.</summary>
    public SettingDefinition AsSecret()
    {
        Secret = true;
        return this;
    }

    /// <summary>Marks the setting changeable by the controller; returns it for chaining.</summary>
    public SettingDefinition AsRemote()
    {
        Remote = true;
        return this;
    }
}
