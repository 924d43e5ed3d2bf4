namespace Tocsin.Firmware.Util;

/// <summary>
/// UTF-8 encoding and decoding without System.Text, which is a separate package on the device.
/// Invalid input never throws: decoding reports failure, encoding replaces lone surrogates with U+FFFD.
/// </summary>
public static class Utf8
{
    private const char Replacement = '\uFFFD';

    /// <summary>Bytes needed to encode <paramref name="text"/>.</summary>
    public static int GetByteCount(string text)
    {
        int count = 0;
        int length = text.Length;
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                count += 1;
            }
            else if (c < 0x800)
            {
                count += 2;
            }
            else if (IsHighSurrogate(c) && i + 1 < length && IsLowSurrogate(text[i + 1]))
            {
                count += 4;
                i++;
            }
            else
            {
                count += 3;
            }
        }

        return count;
    }

    /// <summary>
    /// Encodes into <paramref name="buffer"/> at <paramref name="offset"/>; returns the bytes written,
    /// or -1 (writing nothing past the end) when it does not fit.
    /// </summary>
    public static int Encode(string text, byte[] buffer, int offset)
    {
        int needed = GetByteCount(text);
        if (offset < 0 || offset + needed > buffer.Length)
        {
            return -1;
        }

        int p = offset;
        int length = text.Length;
        for (int i = 0; i < length; i++)
        {
            int c = text[i];
            if (c < 0x80)
            {
                buffer[p++] = (byte)c;
                continue;
            }

            if (c < 0x800)
            {
                buffer[p++] = (byte)(0xC0 | (c >> 6));
                buffer[p++] = (byte)(0x80 | (c & 0x3F));
                continue;
            }

            if (IsHighSurrogate((char)c) && i + 1 < length && IsLowSurrogate(text[i + 1]))
            {
                int cp = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                i++;
                buffer[p++] = (byte)(0xF0 | (cp >> 18));
                buffer[p++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                buffer[p++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                buffer[p++] = (byte)(0x80 | (cp & 0x3F));
                continue;
            }

            if (IsHighSurrogate((char)c) || IsLowSurrogate((char)c))
            {
                c = Replacement;
            }

            buffer[p++] = (byte)(0xE0 | (c >> 12));
            buffer[p++] = (byte)(0x80 | ((c >> 6) & 0x3F));
            buffer[p++] = (byte)(0x80 | (c & 0x3F));
        }

        return p - offset;
    }

    /// <summary>Encodes into a new array of exactly the right size.</summary>
    public static byte[] GetBytes(string text)
    {
        var bytes = new byte[GetByteCount(text)];
        Encode(text, bytes, 0);
        return bytes;
    }

    /// <summary>
    /// Decodes one code point starting at <paramref name="index"/>. Returns its byte length, or 0
    /// when the sequence is malformed (overlong, truncated, a surrogate, or above U+10FFFF).
    /// </summary>
    public static int DecodeCodePoint(byte[] data, int index, int end, out int codePoint)
    {
        codePoint = 0;
        if (index >= end)
        {
            return 0;
        }

        int b0 = data[index];
        if (b0 < 0x80)
        {
            codePoint = b0;
            return 1;
        }

        int length;
        int min;
        if ((b0 & 0xE0) == 0xC0)
        {
            length = 2;
            min = 0x80;
            codePoint = b0 & 0x1F;
        }
        else if ((b0 & 0xF0) == 0xE0)
        {
            length = 3;
            min = 0x800;
            codePoint = b0 & 0x0F;
        }
        else if ((b0 & 0xF8) == 0xF0)
        {
            length = 4;
            min = 0x10000;
            codePoint = b0 & 0x07;
        }
        else
        {
            return 0;
        }

        if (index + length > end)
        {
            return 0;
        }

        for (int k = 1; k < length; k++)
        {
            int b = data[index + k];
            if ((b & 0xC0) != 0x80)
            {
                return 0;
            }

            codePoint = (codePoint << 6) | (b & 0x3F);
        }

        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            return 0;
        }

        return length;
    }

    /// <summary>
    /// Decodes <c>data[offset..offset+count)</c>; returns null when the bytes are not valid UTF-8.
    /// </summary>
    public static string Decode(byte[] data, int offset, int count)
    {
        var chars = new char[count];
        int n = 0;
        int end = offset + count;
        int i = offset;
        while (i < end)
        {
            int used = DecodeCodePoint(data, i, end, out int cp);
            if (used == 0)
            {
                return null;
            }

            i += used;
            n = AppendCodePoint(chars, n, cp);
        }

        return new string(chars, 0, n);
    }

    /// <summary>Writes a code point as one or two UTF-16 chars; returns the new length.</summary>
    public static int AppendCodePoint(char[] chars, int length, int codePoint)
    {
        if (codePoint >= 0x10000)
        {
            int v = codePoint - 0x10000;
            chars[length++] = (char)(0xD800 + (v >> 10));
            chars[length++] = (char)(0xDC00 + (v & 0x3FF));
            return length;
        }

        chars[length++] = (char)codePoint;
        return length;
    }

    /// <summary>True for U+D800..U+DBFF.</summary>
    public static bool IsHighSurrogate(char c) => c >= '\uD800' && c <= '\uDBFF';

    /// <summary>True for U+DC00..U+DFFF.</summary>
    public static bool IsLowSurrogate(char c) => c >= '\uDC00' && c <= '\uDFFF';
}
