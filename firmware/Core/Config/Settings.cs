using System.Collections;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Config;

/// <summary>
/// The node's persisted configuration: a table of typed, bounded settings registered by the core
/// and the node module at boot. Every change is validated first and then stored with a CRC; a
/// store that fails its CRC or does not parse falls back to safe defaults and says so
/// (<see cref="LoadResult"/>), rather than running on half-read values.
/// </summary>
public sealed class Settings
{
    private const string FlashKey = "config";
    private const int StoreBytes = 2048;

    private readonly ArrayList _definitions = new ArrayList();
    private readonly ArrayList _numbers = new ArrayList();
    private readonly ArrayList _texts = new ArrayList();
    private readonly ArrayList _keys = new ArrayList();
    private readonly byte[] _keyScratch = new byte[48];

    /// <summary>How the store was found at the last <see cref="Load"/>.</summary>
    public int LoadResult { get; private set; }

    /// <summary>
    /// Changes with every registration, set, reset and load: modules copy the values they use into
    /// their own fields and look again only when this moves, instead of re-reading (and unboxing)
    /// every setting on every step.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>Number of registered settings.</summary>
    public int Count => _definitions.Count;

    /// <summary>Adds a setting with its default value; returns its index. Names must be unique.</summary>
    public int Register(SettingDefinition definition)
    {
        if (IndexOf(definition.Name) >= 0)
        {
            throw new System.ArgumentException("setting registered twice: " + definition.Name);
        }

        _definitions.Add(definition);
        _numbers.Add(definition.DefaultNumber);
        _texts.Add(definition.DefaultText);
        _keys.Add(null);
        Version++;
        return _definitions.Count - 1;
    }

    /// <summary>The index of a setting, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < _definitions.Count; i++)
        {
            if (((SettingDefinition)_definitions[i]).Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The definition at <paramref name="index"/>.</summary>
    public SettingDefinition Definition(int index) => (SettingDefinition)_definitions[index];

    /// <summary>An integer setting's value.</summary>
    public long GetNumber(int index) => (long)_numbers[index];

    /// <summary>A boolean setting's value.</summary>
    public bool GetBool(int index) => (long)_numbers[index] != 0;

    /// <summary>A text setting's value (null when unset).</summary>
    public string GetText(int index) => (string)_texts[index];

    /// <summary>A key setting's bytes (null when unset).</summary>
    public byte[] GetKey(int index) => (byte[])_keys[index];

    /// <summary>True when a text or key setting has a value.</summary>
    public bool HasValue(int index)
    {
        int kind = Definition(index).Kind;
        return kind == SettingKind.Key ? _keys[index] != null
            : kind == SettingKind.Text ? GetText(index) != null && GetText(index).Length > 0 : true;
    }

    /// <summary>
    /// Checks <paramref name="text"/> for the named setting without changing anything; returns null
    /// when acceptable, else a message that names the setting and what it takes.
    /// </summary>
    public string Validate(string name, string text)
    {
        int index = IndexOf(name);
        if (index < 0)
        {
            return "unknown setting '" + name + "'";
        }

        return Parse(index, text, out long _, out string _, out byte[] _);
    }

    /// <summary>Validates and applies one value in memory; null on success, else the reason.</summary>
    public string Set(string name, string text)
    {
        int index = IndexOf(name);
        if (index < 0)
        {
            return "unknown setting '" + name + "'";
        }

        string error = Parse(index, text, out long number, out string value, out byte[] key);
        if (error != null)
        {
            return error;
        }

        _numbers[index] = number;
        _texts[index] = value;
        _keys[index] = key;
        Version++;
        return null;
    }

    /// <summary>Restores the default of one setting in memory.</summary>
    public void Reset(int index)
    {
        SettingDefinition d = Definition(index);
        _numbers[index] = d.DefaultNumber;
        _texts[index] = d.DefaultText;
        _keys[index] = null;
        Version++;
    }

    /// <summary>The value as the console shows it; secrets show only whether they are set.</summary>
    public string Display(int index)
    {
        SettingDefinition d = Definition(index);
        if (d.Secret)
        {
            return HasValue(index) ? "(set)" : "(not set)";
        }

        switch (d.Kind)
        {
            case SettingKind.Integer:
                return GetNumber(index).ToString();
            case SettingKind.Boolean:
                return GetBool(index) ? "true" : "false";
            default:
                return GetText(index) ?? string.Empty;
        }
    }

    /// <summary>Reads the store; see <see cref="LoadResult"/>. Registration must be complete.</summary>
    public int Load(IFlashStore flash)
    {
        for (int i = 0; i < Count; i++)
        {
            Reset(i);
        }

        byte[] data = flash.Read(FlashKey);
        if (data == null)
        {
            LoadResult = SettingsLoadResult.Missing;
            return LoadResult;
        }

        if (data.Length < 6 || Crc32.Compute(data, 0, data.Length - 4) != ReadCrc(data))
        {
            LoadResult = SettingsLoadResult.Corrupt;
            return LoadResult;
        }

        LoadResult = ReadStore(data, data.Length - 4);
        if (LoadResult == SettingsLoadResult.Corrupt)
        {
            for (int i = 0; i < Count; i++)
            {
                Reset(i);
            }
        }

        return LoadResult;
    }

    /// <summary>Writes every setting to flash with a CRC; false if it did not fit or flash refused.</summary>
    public bool Save(IFlashStore flash)
    {
        var w = new JsonWriter(StoreBytes);
        w.BeginObject();
        for (int i = 0; i < Count; i++)
        {
            SettingDefinition d = Definition(i);
            switch (d.Kind)
            {
                case SettingKind.Integer:
                    w.Property(d.Name, GetNumber(i));
                    break;
                case SettingKind.Boolean:
                    w.Property(d.Name, GetBool(i));
                    break;
                case SettingKind.Key:
                    if (GetKey(i) != null)
                    {
                        w.Property(d.Name, System.Convert.ToBase64String(GetKey(i)));
                    }

                    break;
                default:
                    if (GetText(i) != null)
                    {
                        w.Property(d.Name, GetText(i));
                    }

                    break;
            }
        }

        w.EndObject();
        if (w.Overflowed || w.Length + 4 > StoreBytes)
        {
            return false;
        }

        byte[] data = w.Buffer;
        int length = w.Length;
        uint crc = Crc32.Compute(data, 0, length);
        data[length] = (byte)crc;
        data[length + 1] = (byte)(crc >> 8);
        data[length + 2] = (byte)(crc >> 16);
        data[length + 3] = (byte)(crc >> 24);
        if (!flash.Write(FlashKey, data, length + 4))
        {
            return false;
        }

        // What is in flash now is exactly what is in force.
        LoadResult = SettingsLoadResult.Loaded;
        return true;
    }

    private int ReadStore(byte[] data, int length)
    {
        var r = new JsonReader(256);
        r.Reset(data, 0, length);
        if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
        {
            return SettingsLoadResult.Corrupt;
        }

        int result = SettingsLoadResult.Loaded;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            int index = IndexOf(r.GetString());
            if (!r.Read())
            {
                return SettingsLoadResult.Corrupt;
            }

            if (index < 0)
            {
                // A setting from another firmware version: ignored, not an error.
                r.Skip();
                continue;
            }

            string text = TokenAsText(r);
            if (text == null || Set(Definition(index).Name, text) != null)
            {
                Reset(index);
                result = SettingsLoadResult.Repaired;
            }
        }

        return r.Error == null && r.IsComplete ? result : SettingsLoadResult.Corrupt;
    }

    private static string TokenAsText(JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return r.GetString();
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Number:
                return r.TryGetInt64(out long n) ? n.ToString() : null;
            default:
                r.Skip();
                return null;
        }
    }

    private string Parse(int index, string text, out long number, out string value, out byte[] key)
    {
        SettingDefinition d = Definition(index);
        number = d.DefaultNumber;
        value = null;
        key = null;
        if (text == null)
        {
            return d.Name + ": a value is required";
        }

        switch (d.Kind)
        {
            case SettingKind.Integer:
                if (!AsciiNumber.TryParseInt64(text, out number) || number < d.Min || number > d.Max)
                {
                    return d.Name + " must be an integer from " + d.Min.ToString() + " to " + d.Max.ToString();
                }

                return null;
            case SettingKind.Boolean:
                if (text == "true" || text == "on" || text == "1")
                {
                    number = 1;
                    return null;
                }

                if (text == "false" || text == "off" || text == "0")
                {
                    number = 0;
                    return null;
                }

                return d.Name + " must be true or false";
            case SettingKind.Key:
                if (!Base64.TryDecode(text, _keyScratch, out int n) || n != 32)
                {
                    return d.Name + " must be 32 bytes in base64 (44 characters)";
                }

                key = new byte[32];
                System.Array.Copy(_keyScratch, key, 32);
                return null;
            default:
                if (text.Length < d.Min || text.Length > d.Max)
                {
                    return d.Name + " must be " + d.Min.ToString() + " to " + d.Max.ToString() + " characters";
                }

                for (int i = 0; i < text.Length; i++)
                {
                    if (!TextAlphabet.Allows(d.Alphabet, text[i]))
                    {
                        return d.Name + " may contain only " + TextAlphabet.Describe(d.Alphabet);
                    }
                }

                if (d.Choices != null && !IsChoice(d.Choices, text))
                {
                    return d.Name + " must be one of: " + JoinChoices(d.Choices);
                }

                value = text;
                return null;
        }
    }

    private static bool IsChoice(string[] choices, string text)
    {
        for (int i = 0; i < choices.Length; i++)
        {
            if (choices[i] == text)
            {
                return true;
            }
        }

        return false;
    }

    private static string JoinChoices(string[] choices)
    {
        string joined = string.Empty;
        for (int i = 0; i < choices.Length; i++)
        {
            joined += (i == 0 ? string.Empty : ", ") + choices[i];
        }

        return joined;
    }

    private static uint ReadCrc(byte[] data) => LittleEndian.ReadUInt32(data, data.Length - 4);
}
