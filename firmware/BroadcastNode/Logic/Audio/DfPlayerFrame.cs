namespace Tocsin.Firmware.BroadcastNode.Audio;

/// <summary>
/// The serial frame of DFPlayer-class MP3 modules (9600 8N1), both directions:
/// <c>7E FF 06 cmd feedback p_hi p_lo chk_hi chk_lo EF</c>, where the checksum is the two's
/// complement of the 16-bit sum of the six bytes from FF to p_lo. The node never asks for the
/// module's own ACK frames (feedback 00): it checks the player with status queries instead, whose
/// answers carry information.
/// </summary>
public static class DfPlayerFrame
{
    /// <summary>Bytes in one frame.</summary>
    public const int Length = 10;

    /// <summary>Frame start byte.</summary>
    public const byte Start = 0x7E;

    /// <summary>Frame end byte.</summary>
    public const byte End = 0xEF;

    /// <summary>Version byte.</summary>
    public const byte Version = 0xFF;

    /// <summary>Length byte (bytes from version to p_lo).</summary>
    public const byte DataLength = 0x06;

    /// <summary>Play track n (1-2999) of the card, numbered in FAT order.</summary>
    public const byte PlayTrack = 0x03;

    /// <summary>Set volume 0-30.</summary>
    public const byte SetVolume = 0x06;

    /// <summary>Reset the module.</summary>
    public const byte Reset = 0x0C;

    /// <summary>Stop playback.</summary>
    public const byte Stop = 0x16;

    /// <summary>From the module: a track on the card finished (parameter: the track).</summary>
    public const byte TrackFinished = 0x3D;

    /// <summary>From the module: initialization done after power-up or reset.</summary>
    public const byte InitDone = 0x3F;

    /// <summary>From the module: an error (parameter: code; 5 out of range, 6 not found, 8 card read failed).</summary>
    public const byte Error = 0x40;

    /// <summary>From the module: ACK (only when feedback was asked for).</summary>
    public const byte Ack = 0x41;

    /// <summary>Query status; answered with the same command, low byte 0 stopped, 1 playing, 2 paused.</summary>
    public const byte QueryStatus = 0x42;

    /// <summary>Error code: track number out of range.</summary>
    public const int ErrorOutOfRange = 5;

    /// <summary>Error code: track not found.</summary>
    public const int ErrorNotFound = 6;

    /// <summary>Writes one frame into <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
    public static void Encode(byte[] buffer, int offset, byte command, int parameter)
    {
        buffer[offset] = Start;
        buffer[offset + 1] = Version;
        buffer[offset + 2] = DataLength;
        buffer[offset + 3] = command;
        buffer[offset + 4] = 0;
        buffer[offset + 5] = (byte)(parameter >> 8);
        buffer[offset + 6] = (byte)parameter;
        int checksum = Checksum(buffer, offset);
        buffer[offset + 7] = (byte)(checksum >> 8);
        buffer[offset + 8] = (byte)checksum;
        buffer[offset + 9] = End;
    }

    /// <summary>
    /// Checks a complete frame at <paramref name="offset"/>: delimiters, version, length and checksum.
    /// Returns its command and 16-bit parameter.
    /// </summary>
    public static bool TryDecode(byte[] buffer, int offset, out byte command, out int parameter)
    {
        command = 0;
        parameter = 0;
        if (buffer[offset] != Start || buffer[offset + 1] != Version || buffer[offset + 2] != DataLength || buffer[offset + 9] != End)
        {
            return false;
        }

        int stored = (buffer[offset + 7] << 8) | buffer[offset + 8];
        if (stored != Checksum(buffer, offset))
        {
            return false;
        }

        command = buffer[offset + 3];
        parameter = (buffer[offset + 5] << 8) | buffer[offset + 6];
        return true;
    }

    /// <summary>The checksum of the frame at <paramref name="offset"/> (bytes 1-6).</summary>
    public static int Checksum(byte[] buffer, int offset)
    {
        int sum = 0;
        for (int i = 1; i <= 6; i++)
        {
            sum += buffer[offset + i];
        }

        return (0x10000 - sum) & 0xFFFF;
    }
}
