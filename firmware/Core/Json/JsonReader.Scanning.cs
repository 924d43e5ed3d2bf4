using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Json;

/// <summary>The grammar: tokens, strings, escapes, numbers and literals, and how errors stop the reader.</summary>
public sealed partial class JsonReader
{
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
