namespace Tocsin.Firmware.Util;

/// <summary>
/// Standard base64 (RFC 4648, with padding) decoding straight out of a byte range into a caller's
/// buffer, so MACs in a JSON payload are checked without allocating strings.
/// </summary>
public static class Base64
{
    /// <summary>
    /// Decodes the ASCII base64 in <c>src[start..end)</c> into <paramref name="dst"/>. False on any
    /// character outside the alphabet, bad padding, or output that does not fit.
    /// </summary>
    public static bool TryDecode(byte[] src, int start, int end, byte[] dst, out int written)
    {
        written = 0;
        int length = end - start;
        if (length < 0 || length % 4 != 0)
        {
            return false;
        }

        for (int i = start; i < end; i += 4)
        {
            int a = Value(src[i]);
            int b = Value(src[i + 1]);
            int c = src[i + 2] == '=' ? -2 : Value(src[i + 2]);
            int d = src[i + 3] == '=' ? -2 : Value(src[i + 3]);
            bool last = i + 4 == end;
            if (a < 0 || b < 0 || c == -1 || d == -1 || (c == -2 && d != -2) || (!last && (c < 0 || d < 0)))
            {
                return false;
            }

            int bytes = c == -2 ? 1 : (d == -2 ? 2 : 3);
            if (written + bytes > dst.Length)
            {
                return false;
            }

            int triple = (a << 18) | (b << 12) | ((c < 0 ? 0 : c) << 6) | (d < 0 ? 0 : d);
            dst[written++] = (byte)(triple >> 16);
            if (bytes > 1)
            {
                dst[written++] = (byte)(triple >> 8);
            }

            if (bytes > 2)
            {
                dst[written++] = (byte)triple;
            }
        }

        return true;
    }

    /// <summary>Decodes base64 text (ASCII only) into <paramref name="dst"/>.</summary>
    public static bool TryDecode(string text, byte[] dst, out int written)
    {
        written = 0;
        if (text == null)
        {
            return false;
        }

        var ascii = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return false;
            }

            ascii[i] = (byte)text[i];
        }

        return TryDecode(ascii, 0, ascii.Length, dst, out written);
    }

    private static int Value(byte c)
    {
        if (c >= 'A' && c <= 'Z')
        {
            return c - 'A';
        }

        if (c >= 'a' && c <= 'z')
        {
            return c - 'a' + 26;
        }

        if (c >= '0' && c <= '9')
        {
            return c - '0' + 52;
        }

        return c == '+' ? 62 : (c == '/' ? 63 : -1);
    }
}
