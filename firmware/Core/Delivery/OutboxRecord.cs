using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Delivery;

/// <summary>
/// The flash layout of one outbox slot: seq (8 bytes LE), stream (1), length (2 LE), the JSON
/// payload, and a CRC-32 over all of it (4), so a torn or corrupted slot is recognized at boot.
/// </summary>
public static class OutboxRecord
{
    /// <summary>Bytes before the payload.</summary>
    public const int HeaderBytes = 11;

    /// <summary>Bytes of framing in all (header plus CRC).</summary>
    public const int OverheadBytes = HeaderBytes + 4;

    /// <summary>Frames a payload into <paramref name="record"/>; returns the record length.</summary>
    public static int Write(byte[] record, long seq, int stream, byte[] payload, int length)
    {
        for (int i = 0; i < 8; i++)
        {
            record[i] = (byte)(seq >> (8 * i));
        }

        record[8] = (byte)stream;
        record[9] = (byte)length;
        record[10] = (byte)(length >> 8);
        System.Array.Copy(payload, 0, record, HeaderBytes, length);
        int end = HeaderBytes + length;
        uint crc = Crc32.Compute(record, 0, end);
        for (int i = 0; i < 4; i++)
        {
            record[end + i] = (byte)(crc >> (8 * i));
        }

        return end + 4;
    }

    /// <summary>Checks a record read from flash; false when its length or CRC is wrong.</summary>
    public static bool TryRead(byte[] record, out long seq, out int stream, out int payloadLength)
    {
        seq = 0;
        stream = 0;
        payloadLength = 0;
        if (record == null || record.Length < OverheadBytes)
        {
            return false;
        }

        int length = record[9] | (record[10] << 8);
        if (record.Length != OverheadBytes + length)
        {
            return false;
        }

        int end = HeaderBytes + length;
        uint stored = (uint)(record[end] | (record[end + 1] << 8) | (record[end + 2] << 16) | (record[end + 3] << 24));
        if (stored != Crc32.Compute(record, 0, end))
        {
            return false;
        }

        for (int i = 7; i >= 0; i--)
        {
            seq = (seq << 8) | record[i];
        }

        stream = record[8];
        payloadLength = length;
        return true;
    }
}
