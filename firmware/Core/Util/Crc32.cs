namespace Tocsin.Firmware.Util;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected, as zlib), used to detect torn or corrupted flash records.
/// Half a byte at a time from a 16-entry table (64 bytes of heap): a quarter of the bitwise loop's
/// steps, which matters because records are not rare: a sensor in rain saves its 1.4 KB rain ring
/// whenever a tip changes it, and checks an outbox record at every report it sends. A 256-entry table (1 KB of heap) would halve the
/// steps again, which the ~84 KB heap cannot spare for this.
/// </summary>
public static class Crc32
{
    private const uint Polynomial = 0xEDB88320u;
    private static readonly uint[] Nibbles = BuildNibbles();

    /// <summary>CRC of <c>data[offset..offset+count)</c>.</summary>
    public static uint Compute(byte[] data, int offset, int count)
    {
        uint[] table = Nibbles;
        uint crc = 0xFFFFFFFFu;
        int end = offset + count;
        for (int i = offset; i < end; i++)
        {
            crc ^= data[i];
            crc = (crc >> 4) ^ table[crc & 0x0F];
            crc = (crc >> 4) ^ table[crc & 0x0F];
        }

        return ~crc;
    }

    // Entry n is the bitwise CRC step applied four times to n: the same polynomial, so the same result.
    private static uint[] BuildNibbles()
    {
        uint[] table = new uint[16];
        for (uint n = 0; n < 16; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 4; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
