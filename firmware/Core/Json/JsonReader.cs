using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Json;

/// <summary>
/// A strict, bounded pull parser over UTF-8 JSON bytes that allocates only when a string value is
/// asked for. It validates the whole grammar (structure, escapes, UTF-8, numbers), limits nesting
/// and string length, and on bad input stops with <see cref="Error"/> set, never throwing, so a
/// malformed payload cannot crash or wedge a node. Callers walk objects with
/// <see cref="NameEquals"/> and <see cref="Skip"/>, which is how unknown fields are ignored.
/// </summary>
public sealed class JsonReader
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

    private bool ReadEnd(byte c)
    {
        if (Depth == 0 || (c == '}' && !_isObject[Depth]) || (c == ']' && _isObject[Depth]) || (c != '}' && c != ']'))
        {
            return Fail("expected ',' or the end of the " + (Depth > 0 && _isObject[Depth] ? "object" : "array"));
        }

        TokenType = c == '}' ? JsonTokenType.EndObject : JsonTokenType.EndArray;
        TokenStart = _pos;
        _pos++;
        TokenEnd = _pos;
        Depth--;
        _state = Depth == 0 ? Done : ExpectCommaOrEnd;
        return true;
    }

    private bool ReadName(byte c)
    {
        if (c != '"')
        {
            return Fail("expected a property name in quotes");
        }

        if (!ScanString())
        {
            return false;
        }

        TokenType = JsonTokenType.PropertyName;
        int p = SkipWhitespaceFrom(_pos);
        if (p >= _end || _data[p] != ':')
        {
            _pos = p;
            return Fail("expected ':' after a property name");
        }

        _pos = p + 1;
        _state = ExpectValue;
        return true;
    }

    private bool ReadValue(byte c)
    {
        TokenStart = _pos;
        if (c == '{' || c == '[')
        {
            if (Depth >= MaxDepth)
            {
                return Fail("nested deeper than " + MaxDepth.ToString() + " levels");
            }

            Depth++;
            _isObject[Depth] = c == '{';
            _pos++;
            TokenEnd = _pos;
            TokenType = c == '{' ? JsonTokenType.BeginObject : JsonTokenType.BeginArray;
            _state = c == '{' ? ExpectNameOrEnd : ExpectValueOrEnd;
            return true;
        }

        // The type is set before scanning so that a failed scan leaves None (Fail resets it).
        bool ok;
        if (c == '"')
        {
            TokenType = JsonTokenType.String;
            ok = ScanString();
        }
        else if (c == '-' || (c >= '0' && c <= '9'))
        {
            TokenType = JsonTokenType.Number;
            ok = ScanNumber();
        }
        else if (c == 't')
        {
            TokenType = JsonTokenType.True;
            ok = ScanLiteral("true");
        }
        else if (c == 'f')
        {
            TokenType = JsonTokenType.False;
            ok = ScanLiteral("false");
        }
        else if (c == 'n')
        {
            TokenType = JsonTokenType.Null;
            ok = ScanLiteral("null");
        }
        else
        {
            return Fail("expected a value");
        }

        if (!ok)
        {
            return false;
        }

        _state = Depth == 0 ? Done : ExpectCommaOrEnd;
        return true;
    }

    private bool ScanString()
    {
        TokenStart = _pos;
        int i = _pos + 1;
        _hasEscapes = false;
        while (true)
        {
            if (i >= _end)
            {
                return Fail("unterminated string");
            }

            if (i - TokenStart - 1 > _maxStringBytes)
            {
                return Fail("string longer than " + _maxStringBytes.ToString() + " bytes");
            }

            byte b = _data[i];
            if (b == '"')
            {
                break;
            }

            if (b < 0x20)
            {
                return Fail("control character in a string");
            }

            if (b == '\\')
            {
                if (!ScanEscape(ref i))
                {
                    return false;
                }

                continue;
            }

            int used = Utf8.DecodeCodePoint(_data, i, _end, out int _);
            if (used == 0)
            {
                return Fail("invalid UTF-8 in a string");
            }

            i += used;
        }

        _pos = i + 1;
        TokenEnd = _pos;
        return true;
    }

    private bool ScanEscape(ref int i)
    {
        _hasEscapes = true;
        if (i + 1 >= _end)
        {
            return Fail("unterminated escape");
        }

        byte e = _data[i + 1];
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
        {
            i += 2;
            return true;
        }

        if (e != 'u' || i + 6 > _end || ParseHex4(i + 2) < 0)
        {
            _pos = i;
            return Fail("invalid escape in a string");
        }

        i += 6;
        return true;
    }

    private bool ScanNumber()
    {
        int i = _pos;
        if (_data[i] == '-')
        {
            i++;
        }

        int intStart = i;
        i = SkipDigits(i);
        if (i == intStart || (_data[intStart] == '0' && i - intStart > 1))
        {
            return Fail("malformed number");
        }

        _isInteger = true;
        if (i < _end && _data[i] == '.')
        {
            _isInteger = false;
            int fracStart = ++i;
            i = SkipDigits(i);
            if (i == fracStart)
            {
                return Fail("malformed number");
            }
        }

        if (i < _end && (_data[i] == 'e' || _data[i] == 'E'))
        {
            _isInteger = false;
            i++;
            if (i < _end && (_data[i] == '+' || _data[i] == '-'))
            {
                i++;
            }

            int expStart = i;
            i = SkipDigits(i);
            if (i == expStart)
            {
                return Fail("malformed number");
            }
        }

        if (i - _pos > MaxNumberBytes)
        {
            return Fail("number longer than " + MaxNumberBytes.ToString() + " characters");
        }

        _pos = i;
        TokenEnd = i;
        return true;
    }

    private bool ScanLiteral(string literal)
    {
        if (_pos + literal.Length > _end || !RawEquals(_pos, _pos + literal.Length, literal))
        {
            return Fail("invalid literal");
        }

        _pos += literal.Length;
        TokenEnd = _pos;
        return true;
    }

    private int SkipDigits(int i)
    {
        while (i < _end && _data[i] >= '0' && _data[i] <= '9')
        {
            i++;
        }

        return i;
    }

    private int ParseHex4(int at)
    {
        if (at + 4 > _end)
        {
            return -1;
        }

        int value = 0;
        for (int k = 0; k < 4; k++)
        {
            int b = _data[at + k];
            int d = b >= '0' && b <= '9' ? b - '0' : (b >= 'a' && b <= 'f' ? b - 'a' + 10 : (b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1));
            if (d < 0)
            {
                return -1;
            }

            value = (value << 4) | d;
        }

        return value;
    }

    private bool RawEquals(int start, int stop, string text)
    {
        int n = stop - start;
        int length = text.Length;
        int j = 0;
        int i = start;
        while (i < stop && j < length)
        {
            char c = text[j];
            if (c < 0x80)
            {
                if (_data[i] != c)
                {
                    return false;
                }

                i++;
                j++;
                continue;
            }

            int used = Utf8.DecodeCodePoint(_data, i, stop, out int cp);
            if (used == 0)
            {
                return false;
            }

            if (cp >= 0x10000)
            {
                if (j + 1 >= length || c != (char)(0xD800 + ((cp - 0x10000) >> 10)) || text[j + 1] != (char)(0xDC00 + ((cp - 0x10000) & 0x3FF)))
                {
                    return false;
                }

                j += 2;
            }
            else
            {
                if (c != (char)cp)
                {
                    return false;
                }

                j++;
            }

            i += used;
        }

        return n >= 0 && i == stop && j == length;
    }

    private int SkipWhitespaceTo() => SkipWhitespaceFrom(_pos);

    private int SkipWhitespaceFrom(int i)
    {
        while (i < _end)
        {
            byte b = _data[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
            {
                break;
            }

            i++;
        }

        return i;
    }

    private bool Fail(string message)
    {
        if (Error == null)
        {
            Error = message + " at byte " + _pos.ToString();
        }

        _state = Failed;
        TokenType = JsonTokenType.None;
        return false;
    }
}
