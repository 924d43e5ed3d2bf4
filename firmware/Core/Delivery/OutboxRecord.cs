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
        LittleEndian.WriteUInt64(record, 0, (ulong)seq);
        record[8] = (byte)stream;
        record[9] = (byte)length;
        record[10] = (byte)(length >> 8);
        System.Array.Copy(payload, 0, record, HeaderBytes, length);
        int end = HeaderBytes + length;
        LittleEndian.WriteUInt32(record, end, Crc32.Compute(record, 0, end));

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
        if (LittleEndian.ReadUInt32(record, end) != Crc32.Compute(record, 0, end))
        {
            return false;
        }

        seq = (long)LittleEndian.ReadUInt64(record, 0);
        stream = record[8];
        payloadLength = length;
        return true;
    }
}
