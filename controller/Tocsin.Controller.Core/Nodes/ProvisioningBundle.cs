using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Nodes;

/// <summary>
/// The provisioning bundle the node's <c>provision</c> console command takes (docs/mqtt-contract.md):
/// <c>TCS1:</c> + base64(JSON) + <c>:</c> + CRC-32 of the JSON bytes as 8 lowercase hex digits. The JSON
/// is compact, in a fixed member order, and pure ASCII (anything else as <c>\uXXXX</c>), and the whole
/// console line must fit the firmware's 1024-byte line buffer. Values are checked against the
/// firmware's own limits here, so a bundle the node would refuse is never handed to a technician.
/// </summary>
public static class ProvisioningBundle
{
    /// <summary>Format prefix.</summary>
    public const string Prefix = "TCS1:";

    /// <summary>The console command the bundle follows.</summary>
    public const string ConsoleCommand = "provision ";

    /// <summary>The firmware console's longest line in bytes.</summary>
    public const int MaxConsoleLineBytes = 1024;

    /// <summary>Longest bundle: the console line less <see cref="ConsoleCommand"/>.</summary>
    public const int MaxBundleChars = MaxConsoleLineBytes - 10;

    /// <summary>Builds the bundle, or reports every value the node would refuse.</summary>
    public static ProvisioningBundleResult Create(ProvisioningSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<ValidationError>();
        CheckText(errors, "node.id", settings.NodeId, 1, 32, Alphabet.Identifier);
        if (errors.Count == 0 && !NodeIds.IsValid(settings.NodeId))
        {
            errors.Add(new ValidationError("node.id", "must be a registered node id (^(bn|sn)-[a-z0-9-]{1,28}$)"));
        }

        CheckText(errors, "node.community", settings.CommunityId, 1, 48, Alphabet.Identifier);
        CheckText(errors, "wifi.ssid", settings.WifiSsid, 1, 32, Alphabet.Printable);
        CheckText(errors, "wifi.pass", settings.WifiPassword, 0, 64, Alphabet.Printable);
        CheckText(errors, "mqtt.host", settings.MqttHost, 1, 64, Alphabet.Host);
        if (settings.MqttPort is < 1 or > 65535)
        {
            errors.Add(new ValidationError("mqtt.port", "must be an integer from 1 to 65535"));
        }

        CheckText(errors, "mqtt.user", settings.MqttUser, 1, 48, Alphabet.Identifier);
        CheckText(errors, "mqtt.pass", settings.MqttPassword, 8, 64, Alphabet.Printable);
        if (settings.CommandKey is not { Length: NodeSecrets.KeyBytes })
        {
            errors.Add(new ValidationError("auth.key", "must be 32 bytes"));
        }

        if (errors.Count > 0)
        {
            return ProvisioningBundleResult.Failure(errors);
        }

        byte[] json = SerializeJson(settings);
        string bundle = Prefix + Convert.ToBase64String(json) + ":" + Crc32.HashToUInt32(json).ToString("x8", CultureInfo.InvariantCulture);
        if (bundle.Length > MaxBundleChars)
        {
            // Only non-ASCII Wi-Fi names or passwords (6 bytes per escaped character) get this far.
            return ProvisioningBundleResult.Failure([new ValidationError("bundle", "is " + bundle.Length.ToString(CultureInfo.InvariantCulture)
                + " characters, more than the node console's line allows (" + MaxBundleChars.ToString(CultureInfo.InvariantCulture)
                + "); shorten the Wi-Fi name or password or use ASCII")]);
        }

        return ProvisioningBundleResult.Success(bundle);
    }

    /// <summary>The bundle's JSON bytes: compact, fixed order, ASCII only.</summary>
    public static byte[] SerializeJson(ProvisioningSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sb = new StringBuilder(512);
        sb.Append("{\"v\":1");
        AppendString(sb, "node.id", settings.NodeId);
        AppendString(sb, "node.community", settings.CommunityId);
        AppendString(sb, "wifi.ssid", settings.WifiSsid);
        AppendString(sb, "wifi.pass", settings.WifiPassword);
        AppendString(sb, "mqtt.host", settings.MqttHost);
        sb.Append(",\"mqtt.port\":").Append(settings.MqttPort.ToString(CultureInfo.InvariantCulture));
        sb.Append(",\"mqtt.tls\":").Append(settings.MqttTls ? "true" : "false");
        AppendString(sb, "mqtt.user", settings.MqttUser);
        AppendString(sb, "mqtt.pass", settings.MqttPassword);
        AppendString(sb, "auth.key", Convert.ToBase64String(settings.CommandKey));
        sb.Append('}');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>
    /// Reads a bundle as the node would: prefix, base64, CRC, a JSON object with <c>"v":1</c>. For the
    /// CLI's "check this bundle" and for tests; values come back as the text the node's settings get.
    /// </summary>
    public static BundleContents Decode(string? bundle)
    {
        if (bundle == null || !bundle.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return BundleContents.Failure("bundle must start with " + Prefix);
        }

        int colon = bundle.LastIndexOf(':');
        if (colon <= Prefix.Length)
        {
            return BundleContents.Failure("bundle must be TCS1:<base64>:<crc32 hex>");
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(bundle[Prefix.Length..colon]);
        }
        catch (FormatException)
        {
            return BundleContents.Failure("bundle is not valid base64");
        }

        string crc = bundle[(colon + 1)..];
        if (crc.Length != 8 || !uint.TryParse(crc, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint expected)
            || expected != Crc32.HashToUInt32(json))
        {
            return BundleContents.Failure("bundle checksum does not match");
        }

        return ReadSettings(json);
    }

    private static BundleContents ReadSettings(byte[] json)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BundleContents.Failure("bundle is not a JSON object");
            }

            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            bool versioned = false;
            foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            {
                if (p.Name == "v")
                {
                    versioned = p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out int v) && v == 1;
                    continue;
                }

                settings[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => p.Value.GetRawText(),
                };
            }

            return versioned ? BundleContents.Success(settings) : BundleContents.Failure("bundle version not supported (expected v=1)");
        }
        catch (JsonException)
        {
            return BundleContents.Failure("bundle JSON is malformed");
        }
    }

    private static void AppendString(StringBuilder sb, string name, string value)
    {
        sb.Append(",\"").Append(name).Append("\":\"");
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7e)
            {
                // UTF-16 units, as the node's JSON reader expects (a surrogate pair is two escapes).
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        sb.Append('"');
    }

    private static void CheckText(List<ValidationError> errors, string name, string? value, int min, int max, Alphabet alphabet)
    {
        if (value == null || value.Length < min || value.Length > max)
        {
            errors.Add(new ValidationError(name, "must be " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + " characters"));
            return;
        }

        foreach (char c in value)
        {
            if (!Allows(alphabet, c))
            {
                errors.Add(new ValidationError(name, alphabet switch
                {
                    Alphabet.Identifier => "may contain only letters, digits, '.', '_', '-', ':'",
                    Alphabet.Host => "must be a host name or IP address",
                    _ => "may contain only printable characters",
                }));
                return;
            }
        }
    }

    // The firmware's TextAlphabet (firmware/Core/Config/TextAlphabet.cs), character for character.
    private static bool Allows(Alphabet alphabet, char c)
    {
        bool alnum = char.IsAsciiLetterOrDigit(c);
        return alphabet switch
        {
            Alphabet.Identifier => alnum || c is '.' or '_' or '-' or ':',
            Alphabet.Host => alnum || c is '.' or '-' or ':',
            _ => c >= ' ' && c != '\u007f',
        };
    }

    private enum Alphabet
    {
        Printable,
        Identifier,
        Host,
    }
}
