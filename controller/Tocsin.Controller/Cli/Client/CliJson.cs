using System.Globalization;
using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary>JSON settings and small readers for the API's answers.</summary>
public static class CliJson
{
    /// <summary>camelCase, as the API speaks.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A property as display text: strings as they are, numbers and booleans invariant, null and missing as empty.</summary>
    public static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? Text(value) : string.Empty;

    /// <summary>A value as display text.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(Text)),
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };

    /// <summary>A property, or an undefined element when missing.</summary>
    public static JsonElement Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? value : default;

    /// <summary>The items of an array property (or of the element itself when <paramref name="name"/> is null); none when missing.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string? name = null)
    {
        JsonElement array = name == null ? element : Get(element, name);
        return array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
    }

    /// <summary>A numeric property as a double, or null.</summary>
    public static double? Number(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

    /// <summary>A ratio as a percentage with one decimal, or "-".</summary>
    public static string Percent(double? ratio) =>
        ratio is double r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>A timestamp property shortened to "yyyy-MM-dd HH:mm:ssZ" (UTC), or empty.</summary>
    public static string Time(JsonElement element, string name)
    {
        string text = Text(element, name);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : text;
    }
}
