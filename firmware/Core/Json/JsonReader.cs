using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Json;

/// <summary>
/// A strict, bounded pull parser over UTF-8 JSON bytes that allocates only when a string value is
/// asked for. It validates the whole grammar (structure, escapes, UTF-8, numbers), limits nesting
/// and string length, and on bad input stops with <see cref="Error"/> set, never throwing, so a
/// malformed payload cannot crash or wedge a node. Callers walk objects with
/// <see cref="NameEquals"/> and <see cref="Skip"/>, which is how unknown fields are ignored.
/// </summary>
public sealed partial class JsonReader
{
    private const int MaxDepth = 16;
    private const int MaxNumberBytes = 32;

    private const int ExpectValue = 0;
    private const int ExpectNameOrEnd = 1;
    private const int ExpectName = 2;
    private const int ExpectValueOrEnd = 3;
    private const int ExpectCommaOrEnd = 4;
    private const int Done = 5;
    private const int Failed = 6;

    private readonly bool[] _isObject = new bool[MaxDepth + 1];
    private readonly char[] _scratch;
    private readonly int _maxStringBytes;
    private byte[] _data;
    private int _pos;
    private int _end;
    private int _state;
    private bool _hasEscapes;
    private bool _isInteger;

    /// <summary>Creates a reader whose strings may be at most <paramref name="maxStringBytes"/> UTF-8 bytes.</summary>
    public JsonReader(int maxStringBytes)
    {
        _maxStringBytes = maxStringBytes;
        _scratch = new char[maxStringBytes];
    }

    /// <summary>The current token.</summary>
    public JsonTokenType TokenType { get; private set; }

    /// <summary>Byte index where the current token starts (the quote of a string).</summary>
    public int TokenStart { get; private set; }

    /// <summary>Byte index just past the current token (after <see cref="Skip"/>, past the container).</summary>
    public int TokenEnd { get; private set; }

    /// <summary>Nesting depth; 1 inside the top-level object.</summary>
    public int Depth { get; private set; }

    /// <summary>What was wrong with the input, or null.</summary>
    public string Error { get; private set; }

    /// <summary>The whole document was read and it was valid.</summary>
    public bool IsComplete => _state == Done && Error == null && SkipWhitespaceTo() == _end;

    /// <summary>Starts reading <c>data[offset..offset+count)</c>.</summary>
    public void Reset(byte[] data, int offset, int count)
    {
        _data = data;
        _pos = offset;
        _end = offset + count;
        _state = ExpectValue;
        Depth = 0;
        Error = null;
        TokenType = JsonTokenType.None;
        TokenStart = offset;
        TokenEnd = offset;
    }

    /// <summary>Advances to the next token. False at the end of the document or on an error.</summary>
    public bool Read()
    {
        if (_state == Failed)
        {
            return false;
        }

        _pos = SkipWhitespaceTo();
        if (_state == Done)
        {
            TokenType = JsonTokenType.None;
            return _pos == _end ? false : Fail("unexpected data after the end of the document");
        }

        if (_pos >= _end)
        {
            return Fail("unexpected end of input");
        }

        byte c = _data[_pos];
        switch (_state)
        {
            case ExpectCommaOrEnd:
                if (c == ',')
                {
                    _pos = SkipWhitespaceFrom(_pos + 1);
                    _state = _isObject[Depth] ? ExpectName : ExpectValue;
                    return Read();
                }

                return ReadEnd(c);
            case ExpectNameOrEnd:
                return c == '}' ? ReadEnd(c) : ReadName(c);
            case ExpectName:
                return ReadName(c);
            case ExpectValueOrEnd:
                return c == ']' ? ReadEnd(c) : ReadValue(c);
            default:
                return ReadValue(c);
        }
    }

    /// <summary>
    /// If on BeginObject or BeginArray, reads through its matching end, leaving <see cref="TokenEnd"/>
    /// just past it; on a scalar it does nothing. False on an error inside the skipped value.
    /// </summary>
    public bool Skip()
    {
        if (TokenType != JsonTokenType.BeginObject && TokenType != JsonTokenType.BeginArray)
        {
            return Error == null;
        }

        int target = Depth - 1;
        while (Read())
        {
            if ((TokenType == JsonTokenType.EndObject || TokenType == JsonTokenType.EndArray) && Depth == target)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the next token and skips it if it is a container: moves past one whole value.</summary>
    public bool SkipNextValue() => Read() && Skip();

    /// <summary>True when the current name or string token equals <paramref name="text"/> exactly.</summary>
    public bool NameEquals(string text)
    {
        if (TokenType != JsonTokenType.PropertyName && TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (_hasEscapes)
        {
            string decoded = GetString();
            return decoded != null && decoded == text;
        }

        return RawEquals(TokenStart + 1, TokenEnd - 1, text);
    }

    /// <summary>Same as <see cref="NameEquals"/>, for string values.</summary>
    public bool ValueEquals(string text) => NameEquals(text);

    /// <summary>Decodes the current string or name; null if the token is neither.</summary>
    public string GetString()
    {
        if (TokenType != JsonTokenType.PropertyName && TokenType != JsonTokenType.String)
        {
            return null;
        }

        int n = 0;
        int i = TokenStart + 1;
        int stop = TokenEnd - 1;
        while (i < stop)
        {
            byte b = _data[i];
            if (b == '\\')
            {
                byte e = _data[i + 1];
                i += 2;
                switch (e)
                {
                    case (byte)'b': _scratch[n++] = '\b'; break;
                    case (byte)'f': _scratch[n++] = '\f'; break;
                    case (byte)'n': _scratch[n++] = '\n'; break;
                    case (byte)'r': _scratch[n++] = '\r'; break;
                    case (byte)'t': _scratch[n++] = '\t'; break;
                    case (byte)'u':
                        _scratch[n++] = (char)ParseHex4(i);
                        i += 4;
                        break;
                    default: _scratch[n++] = (char)e; break;
                }

                continue;
            }

            int used = Utf8.DecodeCodePoint(_data, i, stop, out int cp);
            i += used;
            n = Utf8.AppendCodePoint(_scratch, n, cp);
        }

        return new string(_scratch, 0, n);
    }

    /// <summary>Gets the current number as an integer; false for fractions, exponents or overflow.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (TokenType != JsonTokenType.Number || !_isInteger)
        {
            return false;
        }

        int i = TokenStart;
        bool negative = _data[i] == '-';
        if (negative)
        {
            i++;
        }

        // Accumulated as a negative number, since long.MinValue has no positive counterpart.
        long limit = negative ? long.MinValue : -long.MaxValue;
        long result = 0;
        for (; i < TokenEnd; i++)
        {
            int d = _data[i] - '0';
            if (result < (limit + d) / 10)
            {
                return false;
            }

            result = (result * 10) - d;
        }

        value = negative ? result : -result;
        return true;
    }

    /// <summary>
    /// Gets the current number scaled by 10^decimals (12.5 with decimals 1 gives 125). False for
    /// exponents, overflow, or more fractional digits than requested: values are never rounded.
    /// </summary>
    public bool TryGetFixed(int decimals, out long scaled)
    {
        scaled = 0;
        if (TokenType != JsonTokenType.Number)
        {
            return false;
        }

        int i = TokenStart;
        bool negative = _data[i] == '-';
        if (negative)
        {
            i++;
        }

        long result = 0;
        int fractionDigits = -1;
        for (; i < TokenEnd; i++)
        {
            byte b = _data[i];
            if (b == '.')
            {
                fractionDigits = 0;
                continue;
            }

            if (b == 'e' || b == 'E')
            {
                return false;
            }

            if (fractionDigits >= 0 && ++fractionDigits > decimals)
            {
                return false;
            }

            int d = b - '0';
            if (result > (long.MaxValue - d) / 10)
            {
                return false;
            }

            result = (result * 10) + d;
        }

        for (int k = fractionDigits < 0 ? 0 : fractionDigits; k < decimals; k++)
        {
            if (result > long.MaxValue / 10)
            {
                return false;
            }

            result *= 10;
        }

        scaled = negative ? -result : result;
        return true;
    }

    /// <summary>Gets the current true/false token.</summary>
    public bool TryGetBool(out bool value)
    {
        value = TokenType == JsonTokenType.True;
        return TokenType == JsonTokenType.True || TokenType == JsonTokenType.False;
    }
}
