using System.Text.Json;

namespace Tocsin.Hardware.PowerBudget.Input;

/// <summary>
/// A JSON value with the position it was read from, so a value that parses but makes no sense
/// (an unknown designator, a negative duration) is reported at its line and column. JsonDocument
/// keeps no positions, hence this small tree.
/// </summary>
public sealed class JsonNodeAt
{
    private readonly IReadOnlyList<KeyValuePair<string, JsonNodeAt>> _properties;
    private readonly IReadOnlyList<JsonNodeAt> _items;

    internal JsonNodeAt(
        JsonValueKind kind,
        string path,
        SourcePosition position,
        string? text = null,
        double number = 0,
        IReadOnlyList<KeyValuePair<string, JsonNodeAt>>? properties = null,
        IReadOnlyList<JsonNodeAt>? items = null)
    {
        Kind = kind;
        Path = path;
        Position = position;
        Text = text;
        Number = number;
        _properties = properties ?? [];
        _items = items ?? [];
    }

    /// <summary>Object, array, string, number, true, false or null.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>Where in the document, e.g. <c>states[2].parts.U3</c>.</summary>
    public string Path { get; }

    /// <summary>Where in the file.</summary>
    public SourcePosition Position { get; }

    /// <summary>The string value (strings only).</summary>
    public string? Text { get; }

    /// <summary>The numeric value (numbers only).</summary>
    public double Number { get; }

    /// <summary>An object's properties in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNodeAt>> Properties => _properties;

    /// <summary>An array's items.</summary>
    public IReadOnlyList<JsonNodeAt> Items => _items;

    /// <summary>An object's property, or null when absent.</summary>
    public JsonNodeAt? Find(string name)
    {
        foreach (var p in _properties)
        {
            if (p.Key == name)
            {
                return p.Value;
            }
        }

        return null;
    }

    /// <summary>Fails unless this is an object whose properties are all in <paramref name="known"/>.</summary>
    public JsonNodeAt ExpectObject(params string[] known)
    {
        if (Kind != JsonValueKind.Object)
        {
            throw Position.Error($"{Path}: expected an object");
        }

        foreach (var p in _properties)
        {
            if (Array.IndexOf(known, p.Key) < 0)
            {
                throw p.Value.Position.Error($"{Path}: unknown property \"{p.Key}\" (known: {string.Join(", ", known)})");
            }
        }

        return this;
    }

    /// <summary>A required property.</summary>
    public JsonNodeAt Require(string name) =>
        Find(name) ?? throw Position.Error($"{Path}: missing property \"{name}\"");

    /// <summary>This value as a number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double AsNumber(double min = double.MinValue, double max = double.MaxValue)
    {
        if (Kind != JsonValueKind.Number)
        {
            throw Position.Error($"{Path}: expected a number");
        }

        if (Number < min || Number > max)
        {
            throw Position.Error($"{Path}: {Number.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside {Range(min, max)}");
        }

        return Number;
    }

    /// <summary>This value as a non-empty string.</summary>
    public string AsText()
    {
        if (Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(Text))
        {
            throw Position.Error($"{Path}: expected a non-empty string");
        }

        return Text;
    }

    /// <summary>This value as true or false.</summary>
    public bool AsBool()
    {
        return Kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Position.Error($"{Path}: expected true or false"),
        };
    }

    /// <summary>This value as an array of numbers within the range, in document order.</summary>
    public IReadOnlyList<double> AsNumbers(double min, double max)
    {
        if (Kind != JsonValueKind.Array)
        {
            throw Position.Error($"{Path}: expected an array of numbers");
        }

        return _items.Select(i => i.AsNumber(min, max)).ToArray();
    }

    private static string Range(double min, double max)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        if (max == double.MaxValue)
        {
            return $"the allowed range (at least {min.ToString(c)})";
        }

        return $"the allowed range {min.ToString(c)}..{max.ToString(c)}";
    }
}
