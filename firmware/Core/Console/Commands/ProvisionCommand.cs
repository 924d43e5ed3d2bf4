using Tocsin.Firmware.Config;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Console.Commands;

/// <summary>
/// <c>provision TCS1:&lt;base64 JSON&gt;:&lt;crc32 hex&gt;</c> (the bundle the controller exports) or
/// <c>provision name=value ...</c>. Every value is validated before any is applied; the bundle's CRC
/// catches a mistyped or truncated paste. Secrets are never echoed.
/// </summary>
public sealed class ProvisionCommand : IConsoleCommand
{
    /// <summary>Bundle prefix naming the bundle format version.</summary>
    public const string BundlePrefix = "TCS1:";

    private static readonly string[] Allowed =
    {
        "node.id", "node.community", "wifi.ssid", "wifi.pass", "mqtt.host", "mqtt.port", "mqtt.tls",
        "mqtt.user", "mqtt.pass", "auth.key",
    };

    private readonly NodeRuntime _runtime;

    /// <summary>Creates the command.</summary>
    public ProvisionCommand(NodeRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <inheritdoc />
    public string Name => "provision";

    /// <inheritdoc />
    public string Usage => "provision TCS1:<bundle>:<crc> | provision name=value [name=value ...]";

    /// <inheritdoc />
    public string Summary => "set identity, Wi-Fi, broker, credentials and key (from the controller's bundle)";

    /// <inheritdoc />
    public string Run(ConsoleArgs args, ConsoleOutput output)
    {
        if (args.Count < 2)
        {
            return "usage: " + Usage;
        }

        var names = new string[Allowed.Length];
        var values = new string[Allowed.Length];
        int count;
        string error = args.Count == 2 && args.Get(1).StartsWith(BundlePrefix)
            ? ReadBundle(args.Get(1), names, values, out count)
            : ReadPairs(args, names, values, out count);
        if (error != null)
        {
            return error;
        }

        Settings s = _runtime.Settings;
        for (int i = 0; i < count; i++)
        {
            string invalid = s.Validate(names[i], values[i]);
            if (invalid != null)
            {
                return invalid + "; nothing changed";
            }
        }

        for (int i = 0; i < count; i++)
        {
            s.Set(names[i], values[i]);
        }

        if (!s.Save(_runtime.Hardware.Flash))
        {
            return "values accepted but could not be saved to flash";
        }

        _runtime.Log.Info("provision", count.ToString() + " setting(s) provisioned on the console");
        _runtime.ApplySettings(_runtime.NowMs);
        output.WriteLine("provisioned " + count.ToString() + " setting(s); node " + (_runtime.NodeId ?? "(no id)")
            + (_runtime.IsProvisioned ? " is complete" : " still lacks identity, broker, credentials or key"));
        output.WriteLine("Wi-Fi changes take effect after 'reboot'");
        return null;
    }

    private static string ReadPairs(ConsoleArgs args, string[] names, string[] values, out int count)
    {
        count = 0;
        for (int i = 1; i < args.Count; i++)
        {
            string word = args.Get(i);
            int eq = word.IndexOf('=');
            if (eq <= 0)
            {
                return "expected name=value, got '" + Shorten(word) + "'";
            }

            string error = Add(word.Substring(0, eq), word.Substring(eq + 1), names, values, ref count);
            if (error != null)
            {
                return error;
            }
        }

        return null;
    }

    private static string ReadBundle(string bundle, string[] names, string[] values, out int count)
    {
        count = 0;
        int colon = bundle.LastIndexOf(':');
        if (colon <= BundlePrefix.Length)
        {
            return "bundle must be TCS1:<base64>:<crc32 hex>";
        }

        string body = bundle.Substring(BundlePrefix.Length, colon - BundlePrefix.Length);
        string crcText = bundle.Substring(colon + 1);
        var json = new byte[body.Length];
        if (!Base64.TryDecode(body, json, out int length))
        {
            return "bundle is not valid base64 (truncated paste?)";
        }

        if (crcText.Length != 8 || !ParseHex(crcText, out uint crc) || crc != Crc32.Compute(json, 0, length))
        {
            return "bundle checksum does not match (mistyped or truncated)";
        }

        // The longest provisionable values (passwords) are 64 characters; escaped as \uXXXX that is 384 bytes.
        var r = new JsonReader(64 * 6);
        r.Reset(json, 0, length);
        if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
        {
            return "bundle is not a JSON object";
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            string name = r.GetString();
            if (!r.Read())
            {
                break;
            }

            if (name == "v")
            {
                if (!r.TryGetInt64(out long v) || v != 1)
                {
                    return "bundle version not supported (expected v=1)";
                }

                continue;
            }

            string value = r.TokenType == JsonTokenType.String ? r.GetString()
                : r.TokenType == JsonTokenType.Number && r.TryGetInt64(out long n) ? n.ToString()
                : r.TokenType == JsonTokenType.True ? "true" : r.TokenType == JsonTokenType.False ? "false" : null;
            if (value == null)
            {
                return "bundle field '" + name + "' has an unsupported value";
            }

            string error = Add(name, value, names, values, ref count);
            if (error != null)
            {
                return error;
            }
        }

        return r.Error != null ? "bundle JSON: " + r.Error : null;
    }

    private static string Add(string name, string value, string[] names, string[] values, ref int count)
    {
        bool allowed = false;
        for (int k = 0; k < Allowed.Length; k++)
        {
            allowed |= Allowed[k] == name;
        }

        if (!allowed)
        {
            return "'" + Shorten(name) + "' cannot be provisioned; allowed: node.id node.community wifi.ssid wifi.pass mqtt.host mqtt.port mqtt.tls mqtt.user mqtt.pass auth.key";
        }

        for (int k = 0; k < count; k++)
        {
            if (names[k] == name)
            {
                return "'" + name + "' given twice";
            }
        }

        names[count] = name;
        values[count] = value;
        count++;
        return null;
    }

    private static bool ParseHex(string text, out uint value)
    {
        value = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int d = c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : (c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1));
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)d;
        }

        return true;
    }

    // Never echo a whole argument: it may be a secret typed in the wrong place.
    private static string Shorten(string text) => text.Length <= 12 ? text : text.Substring(0, 12) + "...";
}
