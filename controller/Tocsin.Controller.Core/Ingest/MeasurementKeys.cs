using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Tocsin.Controller.Ingest;

/// <summary>
/// The flattened names of payload members ("batt_mv", "depth.mm"), shared instead of built per message.
/// Nodes use a small fixed vocabulary, and building each name cost two strings per member per message:
/// at 10,000 nodes, a quarter of everything the simulator allocated. Names are read straight from the
/// payload's bytes; only plain ASCII names up to <see cref="MaxChars"/> characters are kept, and at most
/// <see cref="MaxEntries"/> of them (anything else is built as before), so odd payloads cannot grow it.
/// </summary>
internal static class MeasurementKeys
{
    /// <summary>Longest flattened name kept.</summary>
    public const int MaxChars = 64;

    /// <summary>Most names kept.</summary>
    public const int MaxEntries = 4096;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The member's name, after <paramref name="prefix"/> and a dot when there is one.</summary>
    public static string Of(string? prefix, JsonProperty member)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8PropertyName(member);
        int length = raw.Length + (prefix == null ? 0 : prefix.Length + 1);
        if (length > MaxChars)
        {
            return Built(prefix, member);
        }

        Span<char> chars = stackalloc char[length];
        int at = 0;
        if (prefix != null)
        {
            prefix.AsSpan().CopyTo(chars);
            chars[prefix.Length] = '.';
            at = prefix.Length + 1;
        }

        foreach (byte b in raw)
        {
            // Escapes and non-ASCII take the general path, which decodes them.
            if (b >= 0x80 || b == (byte)'\\')
            {
                return Built(prefix, member);
            }

            chars[at++] = (char)b;
        }

        if (ByChars.TryGetValue(chars, out string? known))
        {
            return known;
        }

        string name = new(chars);
        return Known.Count < MaxEntries ? Known.GetOrAdd(name, name) : name;
    }

    private static string Built(string? prefix, JsonProperty member) => prefix == null ? member.Name : prefix + "." + member.Name;
}
