using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Delivery;

/// <summary>
/// The flash layout of the outbox's own record: the next sequence number (8 bytes LE), the epoch
/// (4), the count of evicted messages (4) and a CRC-32 over those (4), so a torn record is recognized.
/// </summary>
public static class OutboxMeta
{
    /// <summary>Length of the record.</summary>
    public const int Bytes = 20;

    /// <summary>Writes the record into <paramref name="meta"/> (at least <see cref="Bytes"/> long).</summary>
    public static void Write(byte[] meta, long nextSeq, int epoch, int dropped)
    {
        LittleEndian.WriteUInt32(meta, 0, (uint)nextSeq);
        LittleEndian.WriteUInt32(meta, 4, (uint)(nextSeq >> 32));
        LittleEndian.WriteUInt32(meta, 8, (uint)epoch);
        LittleEndian.WriteUInt32(meta, 12, (uint)dropped);
        LittleEndian.WriteUInt32(meta, 16, Crc32.Compute(meta, 0, 16));
    }

    /// <summary>Reads a record from flash; false when it is missing, the wrong length or its CRC is wrong.</summary>
    public static bool TryRead(byte[] data, out long nextSeq, out int epoch, out int dropped)
    {
        nextSeq = 0;
        epoch = 0;
        dropped = 0;
        if (data == null || data.Length != Bytes || Crc32.Compute(data, 0, 16) != LittleEndian.ReadUInt32(data, 16))
        {
            return false;
        }

        nextSeq = (long)LittleEndian.ReadUInt32(data, 0) | ((long)LittleEndian.ReadUInt32(data, 4) << 32);
        epoch = (int)LittleEndian.ReadUInt32(data, 8);
        dropped = (int)LittleEndian.ReadUInt32(data, 12);
        return true;
    }
}
