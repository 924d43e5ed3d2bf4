using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.BroadcastNode.Persistence;

/// <summary>
/// A little-endian byte record in a fixed buffer, closed by a CRC-32, for what the node keeps in
/// flash. Writing never allocates; reading stops quietly at the end (see <see cref="Ok"/>), so a
/// short or corrupt record is refused as a whole rather than half-read.
/// </summary>
public sealed class RecordCodec
{
    private readonly byte[] _buffer;
    private byte[] _data;
    private int _pos;
    private int _end;

    /// <summary>Creates a codec whose written records may be up to <paramref name="capacityBytes"/>.</summary>
    public RecordCodec(int capacityBytes)
    {
        _buffer = new byte[capacityBytes];
    }

    /// <summary>The written record (valid up to <see cref="Length"/>).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Bytes written, CRC included after <see cref="Finish"/>.</summary>
    public int Length => _pos;

    /// <summary>False once a write did not fit or a read ran past the end.</summary>
    public bool Ok { get; private set; }

    /// <summary>Starts writing a record.</summary>
    public void BeginWrite()
    {
        _data = _buffer;
        _pos = 0;
        _end = _buffer.Length;
        Ok = true;
    }

    /// <summary>
    /// Starts reading <paramref name="data"/>; false (and nothing readable) when it is missing,
    /// too short or its CRC does not match.
    /// </summary>
    public bool BeginRead(byte[] data)
    {
        _data = data;
        _pos = 0;
        _end = 0;
        Ok = false;
        if (data == null || data.Length < 5)
        {
            return false;
        }

        int end = data.Length - 4;
        uint stored = (uint)(data[end] | (data[end + 1] << 8) | (data[end + 2] << 16) | (data[end + 3] << 24));
        if (stored != Crc32.Compute(data, 0, end))
        {
            return false;
        }

        _end = end;
        Ok = true;
        return true;
    }

    /// <summary>Appends the CRC; returns the record length (0 if anything did not fit).</summary>
    public int Finish()
    {
        uint crc = Crc32.Compute(_buffer, 0, _pos);
        PutInt32((int)crc);
        return Ok ? _pos : 0;
    }

    /// <summary>Writes one byte.</summary>
    public void PutByte(int value)
    {
        if (_pos >= _end)
        {
            Ok = false;
            return;
        }

        _data[_pos++] = (byte)value;
    }

    /// <summary>Writes a 32-bit integer.</summary>
    public void PutInt32(int value)
    {
        for (int i = 0; i < 4; i++)
        {
            PutByte(value >> (8 * i));
        }
    }

    /// <summary>Writes a 64-bit integer.</summary>
    public void PutInt64(long value)
    {
        PutInt32((int)value);
        PutInt32((int)(value >> 32));
    }

    /// <summary>Writes short text (at most 254 characters; ids and words are ASCII, others become '?').</summary>
    public void PutText(string text)
    {
        int n = text == null ? 0 : (text.Length > 254 ? 254 : text.Length);
        PutByte(text == null ? 255 : n);
        for (int i = 0; i < n && text != null; i++)
        {
            char c = text[i];
            PutByte(c < 0x80 ? c : '?');
        }
    }

    /// <summary>Reads one byte (0 past the end).</summary>
    public int GetByte()
    {
        if (_pos >= _end)
        {
            Ok = false;
            return 0;
        }

        return _data[_pos++];
    }

    /// <summary>Reads a 32-bit integer.</summary>
    public int GetInt32()
    {
        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            value |= GetByte() << (8 * i);
        }

        return value;
    }

    /// <summary>Reads a 64-bit integer.</summary>
    public long GetInt64()
    {
        long low = (uint)GetInt32();
        long high = GetInt32();
        return low | (high << 32);
    }

    /// <summary>Reads text written by <see cref="PutText"/> (null stays null).</summary>
    public string GetText()
    {
        int n = GetByte();
        if (n == 255)
        {
            return null;
        }

        var chars = new char[n];
        for (int i = 0; i < n; i++)
        {
            chars[i] = (char)GetByte();
        }

        return Ok ? new string(chars) : null;
    }
}
