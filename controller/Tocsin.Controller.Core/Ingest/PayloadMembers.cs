using System.Text;
using System.Text.Json;

namespace Tocsin.Controller.Ingest;

/// <summary>
/// A payload read once, front to back, for <see cref="PayloadFields"/>: the members of its root object,
/// the members of the objects among them and the elements of the arrays among them, each with where
/// its name and value lie in the payload. Anything deeper is read (so the whole payload is checked as
/// JSON, as a document would be) but not kept: no reader of a node message looks further. A parsed
/// document cost a third of the controller's round at 10,000 nodes, most of it looking members up by
/// name, one backward scan of the object each. One instance serves a thread's parses in turn. Only the
/// root's arrays keep their elements and only the root's objects their members: an array or object
/// one level further down reads as empty here (no node message has one a reader needs).
/// </summary>
internal sealed class PayloadMembers
{
    /// <summary>The parent of the root object's members.</summary>
    public const int Root = -1;

    private Member[] _members = new Member[48];
    private int _count;
    private ReadOnlyMemory<byte> _json;

    /// <summary>False when the payload is JSON but not an object (nothing is kept then).</summary>
    public bool RootIsObject { get; private set; }

    /// <summary>Members and elements kept.</summary>
    public int Count => _count;

    /// <summary>
    /// Reads <paramref name="json"/> (valid UTF-8, its escapes decodable), which must stay unchanged
    /// while this instance is used; throws <see cref="JsonException"/> when it is not JSON.
    /// </summary>
    public void Read(ReadOnlyMemory<byte> json, int maxDepth)
    {
        _json = json;
        _count = 0;
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = maxDepth });
        if (!reader.Read())
        {
            throw new JsonException("no JSON value");
        }

        RootIsObject = reader.TokenType == JsonTokenType.StartObject;
        if (!RootIsObject)
        {
            reader.Skip();
            ReadToEnd(ref reader);
            return;
        }

        ReadObject(ref reader, Root, keepChildren: true);
        ReadToEnd(ref reader);
    }

    /// <summary>Lets go of the payload read last.</summary>
    public void Clear()
    {
        // The decoded strings go too, and a table grown by an unusually large payload (a 16 KB array
        // of numbers is thousands of elements) is not kept for the life of the thread.
        if (_members.Length > 256)
        {
            _members = new Member[48];
        }
        else
        {
            Array.Clear(_members, 0, _count);
        }

        _json = default;
        _count = 0;
    }

    /// <summary>The last member of <paramref name="parent"/> (an object's index, or <see cref="Root"/>) named <paramref name="name"/> (ASCII), or -1: a later duplicate wins, as with a document.</summary>
    public int Find(int parent, string name)
    {
        ReadOnlySpan<byte> json = _json.Span;
        for (int i = _count - 1; i >= 0; i--)
        {
            ref Member m = ref _members[i];
            if (m.Parent == parent && NameIs(json, ref m, name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The token that starts member <paramref name="index"/>'s value.</summary>
    public JsonTokenType Token(int index) => _members[index].Token;

    /// <summary>Elements of the array member <paramref name="index"/>, in order (their indexes follow it).</summary>
    public int ElementCount(int index) => _members[index].Elements;

    /// <summary>Member <paramref name="index"/>'s string value, unescaped.</summary>
    public string String(int index)
    {
        ref Member m = ref _members[index];
        return m.Decoded ?? Encoding.UTF8.GetString(_json.Span.Slice(m.ValueStart, m.ValueLength));
    }

    /// <summary>Member <paramref name="index"/>'s number as a whole number, if it is one that fits.</summary>
    public bool TryGetInt64(int index, out long value)
    {
        ref Member m = ref _members[index];
        value = m.Integer;
        return m.IsInteger;
    }

    /// <summary>Member <paramref name="index"/>'s number, as a document's element would give it.</summary>
    public bool TryGetDouble(int index, out double value)
    {
        Utf8JsonReader number = NumberReader(index);
        return number.TryGetDouble(out value);
    }

    // Few members are read as floating point (measurements are read from the payload on their own):
    // those are read when asked for, by a reader over the number alone, so they read exactly as the
    // reader of the whole payload would have read them.
    private Utf8JsonReader NumberReader(int index)
    {
        ref Member m = ref _members[index];
        var reader = new Utf8JsonReader(_json.Span.Slice(m.ValueStart, m.ValueLength));
        reader.Read();
        return reader;
    }

    // Keeps the members of the object the reader is at the start of (and of its objects and arrays one
    // level down when keepChildren); leaves the reader at its end.
    private void ReadObject(ref Utf8JsonReader reader, int parent, bool keepChildren)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int nameStart = (int)reader.TokenStartIndex + 1;
            int nameLength = reader.ValueSpan.Length;
            string? decodedName = reader.ValueIsEscaped ? reader.GetString() : null;
            reader.Read();
            int index = Keep(ref reader, parent, nameStart, nameLength, decodedName);
            if (reader.TokenType == JsonTokenType.StartObject && keepChildren)
            {
                ReadObject(ref reader, index, keepChildren: false);
            }
            else if (reader.TokenType == JsonTokenType.StartArray && keepChildren)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Keep(ref reader, index, 0, 0, null);
                    _members[index].Elements++;
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private int Keep(ref Utf8JsonReader reader, int parent, int nameStart, int nameLength, string? decodedName)
    {
        if (_count == _members.Length)
        {
            Array.Resize(ref _members, _count * 2);
        }

        int index = _count++;
        ref Member m = ref _members[index];
        m = default;
        m.Parent = parent;
        m.NameStart = nameStart;
        m.NameLength = nameLength;
        m.DecodedName = decodedName;
        m.Token = reader.TokenType;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                m.ValueStart = (int)reader.TokenStartIndex + 1;
                m.ValueLength = reader.ValueSpan.Length;
                m.Decoded = reader.ValueIsEscaped ? reader.GetString() : null;
                break;
            case JsonTokenType.Number:
                m.ValueStart = (int)reader.TokenStartIndex;
                m.ValueLength = reader.ValueSpan.Length;
                m.IsInteger = reader.TryGetInt64(out m.Integer);
                break;
        }

        return index;
    }

    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        // Nothing may follow the value but white space: the reader throws for anything else.
        while (reader.Read())
        {
        }
    }

    private static bool NameIs(ReadOnlySpan<byte> json, ref Member m, string name)
    {
        if (m.DecodedName != null)
        {
            return m.DecodedName == name;
        }

        // Names looked for are ASCII; a name with other bytes is none of them.
        return m.NameLength == name.Length && System.Text.Ascii.Equals(json.Slice(m.NameStart, m.NameLength), name);
    }

    private struct Member
    {
        public int Parent;
        public int NameStart;
        public int NameLength;
        public string? DecodedName;
        public JsonTokenType Token;
        public int ValueStart;
        public int ValueLength;
        public string? Decoded;
        public int Elements;
        public bool IsInteger;
        public long Integer;
    }
}
