namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// Parses the UART output of A02YYUW / JSN-SR04T-class ultrasonic sensors (9600 8N1, auto mode):
/// 4-byte frames 0xFF, distance high, distance low, checksum = (0xFF + high + low) &amp; 0xFF, the
/// distance in millimetres. Resynchronizes on the next 0xFF after a bad checksum.
/// </summary>
public sealed class A02FrameParser
{
    /// <summary>Newest good frames remembered for <see cref="TakeRecent"/> (a reading's worth).</summary>
    public const int RecentCapacity = 5;

    private readonly byte[] _frame = new byte[4];
    private readonly int[] _recent = new int[RecentCapacity];
    private int _recentNext;
    private int _recentCount;
    private int _have;

    /// <summary>Frames with a wrong checksum since boot.</summary>
    public int ChecksumErrors { get; private set; }

    /// <summary>Good frames since boot.</summary>
    public int FrameCount { get; private set; }

    /// <summary>The distance of the last good frame (mm).</summary>
    public int LastDistanceMm { get; private set; }

    /// <summary>Feeds bytes; returns how many complete good frames they finished.</summary>
    public int Feed(byte[] data, int offset, int count)
    {
        int frames = 0;
        for (int i = offset; i < offset + count; i++)
        {
            byte b = data[i];
            if (_have == 0 && b != 0xFF)
            {
                continue;
            }

            _frame[_have++] = b;
            if (_have < 4)
            {
                continue;
            }

            _have = 0;
            if (((_frame[0] + _frame[1] + _frame[2]) & 0xFF) != _frame[3])
            {
                ChecksumErrors++;
                continue;
            }

            LastDistanceMm = (_frame[1] << 8) | _frame[2];
            _recent[_recentNext] = LastDistanceMm;
            _recentNext = (_recentNext + 1) % RecentCapacity;
            if (_recentCount < RecentCapacity)
            {
                _recentCount++;
            }

            FrameCount++;
            frames++;
        }

        return frames;
    }

    /// <summary>
    /// Copies the distances of the newest good frames since the last call (at most <paramref name="max"/>,
    /// oldest first) into <paramref name="into"/> and forgets the rest; returns how many.
    /// </summary>
    public int TakeRecent(int[] into, int max)
    {
        int n = _recentCount < max ? _recentCount : max;
        for (int i = 0; i < n; i++)
        {
            into[i] = _recent[(_recentNext - n + i + RecentCapacity) % RecentCapacity];
        }

        _recentCount = 0;
        return n;
    }
}
