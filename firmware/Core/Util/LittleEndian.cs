namespace Tocsin.Firmware.Util;

/// <summary>
/// Little-endian integers in flash records (the device's mscorlib has no BinaryPrimitives): one
/// place for the byte order every record uses.
/// </summary>
public static class LittleEndian
{
    /// <summary>Writes <paramref name="value"/> at <c>bytes[at..at+4)</c>.</summary>
    public static void WriteUInt32(byte[] bytes, int at, uint value)
    {
        for (int i = 0; i < 4; i++)
        {
            bytes[at + i] = (byte)(value >> (8 * i));
        }
    }

    /// <summary>Reads <c>bytes[at..at+4)</c>.</summary>
    public static uint ReadUInt32(byte[] bytes, int at) =>
        (uint)(bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24));

    /// <summary>Writes <paramref name="value"/> at <c>bytes[at..at+8)</c>.</summary>
    public static void WriteUInt64(byte[] bytes, int at, ulong value)
    {
        for (int i = 0; i < 8; i++)
        {
            bytes[at + i] = (byte)(value >> (8 * i));
        }
    }

    /// <summary>Reads <c>bytes[at..at+8)</c>.</summary>
    public static ulong ReadUInt64(byte[] bytes, int at)
    {
        ulong value = 0;
        for (int i = 7; i >= 0; i--)
        {
            value = (value << 8) | bytes[at + i];
        }

        return value;
    }
}
