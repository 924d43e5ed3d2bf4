using System.Text.Json;

namespace Tocsin.Controller.Validation;

/// <summary>
/// Reads the members of one JSON object, adding a <see cref="ValidationError"/> with the member's path
/// for each member that is missing, of the wrong type or out of range, and — with
/// <see cref="ReportUnknownMembers"/> — for members nobody asked for (a misspelt "populaton" would
/// otherwise be silently ignored in a hand-edited file).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The methods are named for the JSON value kinds they read.")]
public sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<ValidationError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, List<ValidationError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    /// <summary>The object's own path.</summary>
    public string Path { get; }

    /// <summary>A reader for <paramref name="element"/>, or null (with an error) when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<ValidationError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(path, "must be an object"));
            return null;
        }

        return new JsonObjectReader(element, path, errors);
    }

    /// <summary>The path of member <paramref name="name"/>.</summary>
    public string PathOf(string name) => JsonPath.Member(Path, name);

    /// <summary>True when the member is present (and marks it read).</summary>
    public bool Has(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out _);
    }

    /// <summary>A string of 1 to <paramref name="maxChars"/> characters, or null with an error.</summary>
    public string? String(string name, int maxChars, bool required = true)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text == null || text.Trim().Length == 0 || text.Length > maxChars)
        {
            Error(name, "must be a non-empty string of at most " + maxChars.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters");
            return null;
        }

        return text;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or null with <paramref name="message"/>.</summary>
    public long? Integer(string name, long min, long max, string message, bool required = true)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long n) || n < min || n > max)
        {
            Error(name, message);
            return null;
        }

        return n;
    }

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>], or null with <paramref name="message"/>.</summary>
    public double? Number(string name, double min, double max, string message, bool required = true)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double n) || !double.IsFinite(n) || n < min || n > max)
        {
            Error(name, message);
            return null;
        }

        return n;
    }

    /// <summary>The raw member, or null (with an error when required and missing).</summary>
    public JsonElement? Raw(string name, bool required = true) => TryGet(name, required, out JsonElement value) ? value : null;

    /// <summary>true or false, or null (with an error when present but not a boolean).</summary>
    public bool? Boolean(string name, bool required = false)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(name, "must be true or false");
            return null;
        }

        return value.GetBoolean();
    }

    /// <summary>An array (non-empty when <paramref name="nonEmpty"/>), or null with an error.</summary>
    public JsonElement? Array(string name, bool nonEmpty, bool required = true)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || (nonEmpty && value.GetArrayLength() == 0))
        {
            Error(name, nonEmpty ? "must be a non-empty array" : "must be an array");
            return null;
        }

        return value;
    }

    /// <summary>A nested object reader, or null with an error.</summary>
    public JsonObjectReader? Object(string name, bool required = true)
    {
        if (!TryGet(name, required, out JsonElement value))
        {
            return null;
        }

        return Open(value, PathOf(name), _errors);
    }

    /// <summary>Opens another object (an array element, say) reporting into the same error list.</summary>
    public JsonObjectReader? Nested(JsonElement element, string path) => Open(element, path, _errors);

    /// <summary>Number of errors reported so far (by this reader and every reader sharing its list).</summary>
    public int ErrorCount => _errors.Count;

    /// <summary>Adds an error at a full JSON path (an array element, say).</summary>
    public void ErrorAt(string path, string message) => _errors.Add(new ValidationError(path, message));

    /// <summary>Adds an error for member <paramref name="name"/>.</summary>
    public void Error(string name, string message) => _errors.Add(new ValidationError(PathOf(name), message));

    /// <summary>Reports every member that was never read as unknown.</summary>
    public void ReportUnknownMembers()
    {
        foreach (JsonProperty p in _element.EnumerateObject())
        {
            if (!_read.Contains(p.Name))
            {
                Error(p.Name, "unknown member");
            }
        }
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        _read.Add(name);
        if (_element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Error(name, "is required");
        }

        return false;
    }
}
