using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Json;

/// <summary>
/// Writes compact UTF-8 JSON into a fixed buffer that is reused for every message, so steady-state
/// reporting does not allocate. Running out of room sets <see cref="Overflowed"/> instead of
/// throwing; callers check it before sending. Numbers are integers or scaled fixed-point values,
/// because the device formats neither doubles nor custom formats reliably.
/// </summary>
public sealed class JsonWriter
{
    private const int MaxDepth = 16;
    private readonly byte[] _buffer;
    private readonly bool[] _needsComma = new bool[MaxDepth];
    private readonly byte[] _digits = new byte[20];
    private int _length;
    private int _depth;
    private bool _afterName;

    /// <summary>Creates a writer with a buffer of <paramref name="capacityBytes"/>.</summary>
    public JsonWriter(int capacityBytes)
    {
        _buffer = new byte[capacityBytes];
    }

    /// <summary>The buffer holding the output; valid up to <see cref="Length"/>.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>True once anything did not fit; the output is then incomplete and must not be sent.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Starts a new document in the same buffer.</summary>
    public void Reset()
    {
        _length = 0;
        _depth = 0;
        _afterName = false;
        Overflowed = false;
        _needsComma[0] = false;
    }

    /// <summary>Copies the output into a new array of exactly <see cref="Length"/> bytes.</summary>
    public byte[] ToArray()
    {
        var copy = new byte[_length];
        System.Array.Copy(_buffer, copy, _length);
        return copy;
    }

    /// <summary>Writes '{'.</summary>
    public void BeginObject() => Open((byte)'{');

    /// <summary>Writes '}'.</summary>
    public void EndObject() => Close((byte)'}');

    /// <summary>Writes '['.</summary>
    public void BeginArray() => Open((byte)'[');

    /// <summary>Writes ']'.</summary>
    public void EndArray() => Close((byte)']');

    /// <summary>Writes a property name; the next call writes its value.</summary>
    public void Name(string name)
    {
        Separate();
        WriteQuoted(name);
        Put((byte)':');
        _afterName = true;
    }

    /// <summary>Writes a string value (null writes JSON null).</summary>
    public void String(string value)
    {
        Separate();
        if (value == null)
        {
            PutAscii("null");
            return;
        }

        WriteQuoted(value);
    }

    /// <summary>Writes an integer value.</summary>
    public void Number(long value)
    {
        Separate();
        PutInt64(value);
    }

    /// <summary>Writes a scaled integer as a decimal: (125, 1) writes 12.5.</summary>
    public void Fixed(long scaled, int decimals)
    {
        Separate();
        if (decimals <= 0)
        {
            PutInt64(scaled);
            return;
        }

        long scale = AsciiNumber.Pow10(decimals);
        if (scaled < 0)
        {
            Put((byte)'-');
        }

        ulong magnitude = scaled < 0 ? (ulong)(-(scaled + 1)) + 1 : (ulong)scaled;
        PutUInt64(magnitude / (ulong)scale);
        Put((byte)'.');
        ulong fraction = magnitude % (ulong)scale;
        for (long s = scale / 10; s >= 1; s /= 10)
        {
            Put((byte)('0' + (int)(fraction / (ulong)s % 10)));
        }
    }

    /// <summary>Writes true or false.</summary>
    public void Bool(bool value)
    {
        Separate();
        PutAscii(value ? "true" : "false");
    }

    /// <summary>Writes null.</summary>
    public void Null()
    {
        Separate();
        PutAscii("null");
    }

    /// <summary>Writes a property with a string value.</summary>
    public void Property(string name, string value)
    {
        Name(name);
        String(value);
    }

    /// <summary>Writes a property with an integer value.</summary>
    public void Property(string name, long value)
    {
        Name(name);
        Number(value);
    }

    /// <summary>Writes a property with a boolean value.</summary>
    public void Property(string name, bool value)
    {
        Name(name);
        Bool(value);
    }

    /// <summary>Writes a property with a fixed-point value.</summary>
    public void PropertyFixed(string name, long scaled, int decimals)
    {
        Name(name);
        Fixed(scaled, decimals);
    }

    /// <summary>
    /// Writes already-encoded JSON as a value (e.g. a stored payload); the caller guarantees it is
    /// one complete, valid JSON value.
    /// </summary>
    public void Raw(byte[] json, int offset, int count)
    {
        Separate();
        if (_length + count > _buffer.Length)
        {
            Overflowed = true;
            return;
        }

        System.Array.Copy(json, offset, _buffer, _length, count);
        _length += count;
    }

    private void Open(byte bracket)
    {
        Separate();
        Put(bracket);
        if (_depth + 1 >= MaxDepth)
        {
            Overflowed = true;
            return;
        }

        _depth++;
        _needsComma[_depth] = false;
    }

    private void Close(byte bracket)
    {
        Put(bracket);
        if (_depth > 0)
        {
            _depth--;
        }

        _needsComma[_depth] = true;
        _afterName = false;
    }

    private void Separate()
    {
        if (_afterName)
        {
            _afterName = false;
            _needsComma[_depth] = true;
            return;
        }

        if (_needsComma[_depth])
        {
            Put((byte)',');
        }

        _needsComma[_depth] = true;
    }

    private void WriteQuoted(string text)
    {
        Put((byte)'"');
        int length = text.Length;
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"':
                    PutAscii("\\\"");
                    break;
                case '\\':
                    PutAscii("\\\\");
                    break;
                case '\n':
                    PutAscii("\\n");
                    break;
                case '\r':
                    PutAscii("\\r");
                    break;
                case '\t':
                    PutAscii("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        PutAscii("\\u00");
                        PutHexNibble(c >> 4);
                        PutHexNibble(c & 0xF);
                    }
                    else if (c < 0x80)
                    {
                        Put((byte)c);
                    }
                    else
                    {
                        i = PutNonAscii(text, i);
                    }

                    break;
            }
        }

        Put((byte)'"');
    }

    // Encodes the char at index (and its low surrogate, if paired); returns the last index used.
    private int PutNonAscii(string text, int index)
    {
        int c = text[index];
        if (c < 0x800)
        {
            Put((byte)(0xC0 | (c >> 6)));
            Put((byte)(0x80 | (c & 0x3F)));
            return index;
        }

        if (Utf8.IsHighSurrogate((char)c) && index + 1 < text.Length && Utf8.IsLowSurrogate(text[index + 1]))
        {
            int cp = 0x10000 + ((c - 0xD800) << 10) + (text[index + 1] - 0xDC00);
            Put((byte)(0xF0 | (cp >> 18)));
            Put((byte)(0x80 | ((cp >> 12) & 0x3F)));
            Put((byte)(0x80 | ((cp >> 6) & 0x3F)));
            Put((byte)(0x80 | (cp & 0x3F)));
            return index + 1;
        }

        if (Utf8.IsHighSurrogate((char)c) || Utf8.IsLowSurrogate((char)c))
        {
            c = 0xFFFD;
        }

        Put((byte)(0xE0 | (c >> 12)));
        Put((byte)(0x80 | ((c >> 6) & 0x3F)));
        Put((byte)(0x80 | (c & 0x3F)));
        return index;
    }

    private void PutInt64(long value)
    {
        if (value < 0)
        {
            Put((byte)'-');
            PutUInt64((ulong)(-(value + 1)) + 1);
            return;
        }

        PutUInt64((ulong)value);
    }

    private void PutUInt64(ulong value)
    {
        int n = 0;
        do
        {
            _digits[n++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);

        while (n > 0)
        {
            Put(_digits[--n]);
        }
    }

    private void PutHexNibble(int nibble) => Put((byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10));

    private void PutAscii(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            Put((byte)text[i]);
        }
    }

    private void Put(byte b)
    {
        if (_length >= _buffer.Length)
        {
            Overflowed = true;
            return;
        }

        _buffer[_length++] = b;
    }
}
