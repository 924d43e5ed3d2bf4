using System.Globalization;
using System.Text.Json;

namespace Tocsin.Controller.Ingest;

/// <summary>
/// Typed access to a payload's top-level members for <see cref="NodeMessageParser"/>: the first
/// problem is kept as <see cref="Error"/> (one clear message per refused payload), later reads are no-ops.
/// </summary>
internal sealed class PayloadFields
{
    private static readonly HashSet<string> HeaderNames = new(StringComparer.Ordinal) { "ep", "floor", "seq", "t", "up", "type" };
    private readonly JsonElement _root;
    private readonly string _what;
    private readonly PayloadFields? _parent;
    private readonly string _prefix;
    private string? _error;

    public PayloadFields(JsonElement root, string what)
    {
        _root = root;
        _what = what;
        _prefix = string.Empty;
    }

    private PayloadFields(JsonElement root, PayloadFields parent, string prefix)
    {
        _root = root;
        _what = parent._what;
        _parent = parent;
        _prefix = prefix;
    }

    /// <summary>The first problem found (in this object or a nested one), or null.</summary>
    public string? Error => _parent == null ? _error : _parent.Error;

    /// <summary>Fields of the nested object <paramref name="name"/>, or null when absent (an error when not an object).</summary>
    public PayloadFields? Nested(string name) => Object(name) is JsonElement e ? new PayloadFields(e, this, _prefix + name + ".") : null;

    public string? String(string name, bool required, int maxChars = 64)
    {
        if (!TryGet(name, required, out JsonElement e))
        {
            return null;
        }

        string? s = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (s == null || s.Length == 0 || s.Length > maxChars)
        {
            Fail(name, "must be a string of 1 to " + maxChars.ToString(CultureInfo.InvariantCulture) + " characters");
            return null;
        }

        return s;
    }

    public long? Integer(string name, bool required, long min = long.MinValue)
    {
        if (!TryGet(name, required, out JsonElement e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long n) || n < min)
        {
            Fail(name, min == 1 ? "must be a positive integer" : min == 0 ? "must be a non-negative integer" : "must be an integer");
            return null;
        }

        return n;
    }

    public bool? Boolean(string name, bool required)
    {
        if (!TryGet(name, required, out JsonElement e))
        {
            return null;
        }

        if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail(name, "must be true or false");
            return null;
        }

        return e.GetBoolean();
    }

    public SensorLevel? Level(string name, bool required)
    {
        string? text = String(name, required, 8);
        if (text == null)
        {
            return null;
        }

        if (!SensorLevels.TryParse(text, out SensorLevel level))
        {
            Fail(name, "must be none, blue, yellow, orange or red");
            return null;
        }

        return level;
    }

    public JsonElement? Object(string name)
    {
        if (!TryGet(name, false, out JsonElement e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            Fail(name, "must be an object");
            return null;
        }

        return e;
    }

    public IReadOnlyList<string> StringArray(string name)
    {
        if (!TryGet(name, false, out JsonElement e))
        {
            return [];
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            Fail(name, "must be an array of strings");
            return [];
        }

        // Most arrays (a healthy node's faults) are empty: nothing to allocate.
        int count = e.GetArrayLength();
        if (count == 0)
        {
            return [];
        }

        var strings = new string[count];
        int i = 0;
        foreach (JsonElement x in e.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.String)
            {
                Fail(name, "must be an array of strings");
                return [];
            }

            strings[i++] = x.GetString()!;
        }

        return strings;
    }

    /// <summary>
    /// A number member's value, or null when absent or not a number. Never an error: such members are
    /// measurements, which the contract leaves to each node kind.
    /// </summary>
    public double? OptionalNumber(string name) =>
        Error == null && _root.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double d) ? d : null;

    /// <summary>
    /// Numeric and boolean members of <paramref name="root"/>, nested objects flattened with dots;
    /// arrays and the top-level header members left out.
    /// </summary>
    public static Dictionary<string, double> Flatten(JsonElement root)
    {
        // Sized to what it will hold, counted first: the table is most of what building it allocates.
        var into = new Dictionary<string, double>(Countable(root), StringComparer.Ordinal);
        Flatten(root, null, into);
        return into;
    }

    private static int Countable(JsonElement obj)
    {
        int n = 0;
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    // Header members are counted too: a slot or two spare is cheaper than looking them up twice.
                    n++;
                    break;
                case JsonValueKind.Object:
                    n += Countable(p.Value);
                    break;
            }
        }

        return n;
    }

    private static void Flatten(JsonElement obj, string? prefix, Dictionary<string, double> into)
    {
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            string key;
            try
            {
                key = MeasurementKeys.Of(prefix, p);
            }
            catch (InvalidOperationException)
            {
                // A name escaping half a UTF-16 pair ("\udc00") cannot be text: no measurement, as with
                // any member no reader knows (measurements are read after the payload was accepted).
                continue;
            }

            if (prefix == null && HeaderNames.Contains(key))
            {
                continue;
            }

            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Number when p.Value.TryGetDouble(out double d):
                    into[key] = d;
                    break;
                case JsonValueKind.True:
                    into[key] = 1;
                    break;
                case JsonValueKind.False:
                    into[key] = 0;
                    break;
                case JsonValueKind.Object:
                    Flatten(p.Value, key, into);
                    break;
            }
        }
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (Error == null && _root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        if (required)
        {
            Fail(name, "is required");
        }

        return false;
    }

    /// <summary>Records a problem with member <paramref name="name"/> (only the first problem is kept).</summary>
    public void Fail(string name, string message)
    {
        if (_parent != null)
        {
            _parent.Fail(_prefix + name, message);
            return;
        }

        _error ??= _what + ": \"" + name + "\" " + message;
    }
}
