namespace Tocsin.Firmware.Util;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected, as zlib), used to detect torn or corrupted flash records.
/// Bitwise rather than table-driven: 1 KB of table is worth more heap than the cycles it saves
/// on records written a few times an hour.
/// </summary>
public static class Crc32
{
    private const uint Polynomial = 0xEDB88320u;

    /// <summary>CRC of <c>data[offset..offset+count)</c>.</summary>
    public static uint Compute(byte[] data, int offset, int count)
    {
        uint crc = 0xFFFFFFFFu;
        int end = offset + count;
        for (int i = offset; i < end; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }
        }

        return ~crc;
    }
}
