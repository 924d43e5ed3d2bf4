using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Tocsin.Controller.Ingest;

/// <summary>
/// A payload's numeric and boolean members, flattened with dots ("rain.1h", "relays.fault"), read from
/// the payload only when first asked for. Every heartbeat, report and event carries them, but the
/// engine reads its few values from typed fields, so building a table per message (most of what a
/// parse allocated) would be wasted on nearly all of them. The payload must already have been parsed
/// and found valid JSON and valid UTF-8 (<see cref="NodeMessageParser"/> does), and must not change
/// afterwards; a member whose name is not valid text (an unpaired surrogate escape) is left out. Two
/// threads reading it at once may both build the table; both get equal tables.
/// </summary>
public sealed class PayloadMeasurementDictionary : IReadOnlyDictionary<string, double>
{
    private static readonly HashSet<string> HeaderNames = new(StringComparer.Ordinal) { "ep", "floor", "seq", "t", "up", "type" };
    private readonly ReadOnlyMemory<byte> _utf8Json;
    private Dictionary<string, double>? _values;

    /// <summary>Measurements of the JSON object in <paramref name="utf8Json"/>.</summary>
    public PayloadMeasurementDictionary(ReadOnlyMemory<byte> utf8Json)
    {
        _utf8Json = utf8Json;
    }

    /// <inheritdoc />
    public int Count => Values.Count;

    /// <inheritdoc />
    IEnumerable<string> IReadOnlyDictionary<string, double>.Keys => Values.Keys;

    /// <inheritdoc />
    IEnumerable<double> IReadOnlyDictionary<string, double>.Values => Values.Values;

    private Dictionary<string, double> Values => _values ??= Read();

    /// <inheritdoc />
    public double this[string key] => Values[key];

    /// <inheritdoc />
    public bool ContainsKey(string key) => Values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value) => Values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => Values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, double> Read()
    {
        using JsonDocument doc = JsonDocument.Parse(_utf8Json, NodeMessageParser.Options);
        return Flatten(doc.RootElement);
    }

    /// <summary>
    /// Numeric and boolean members of <paramref name="root"/>, nested objects flattened with dots;
    /// arrays and the top-level header members left out.
    /// </summary>
    private static Dictionary<string, double> Flatten(JsonElement root)
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
}

