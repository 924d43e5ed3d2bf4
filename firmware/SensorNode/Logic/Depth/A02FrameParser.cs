namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// Parses the UART output of A02YYUW / JSN-SR04T-class ultrasonic sensors (9600 8N1, auto mode):
/// 4-byte frames 0xFF, distance high, distance low, checksum = (0xFF + high + low) &amp; 0xFF, the
/// distance in millimetres. Resynchronizes on the next 0xFF after a bad checksum.
/// </summary>
public sealed class A02FrameParser
{
    /// <summary>Good frames remembered (<see cref="DistanceOf"/>): a reading's worth.</summary>
    public const int RecentCapacity = 5;

    private readonly byte[] _frame = new byte[4];
    private readonly int[] _recent = new int[RecentCapacity];
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
            FrameCount++;
            _recent[Slot(FrameCount)] = LastDistanceMm;
            frames++;
        }

        return frames;
    }

    /// <summary>
    /// The distance of good frame number <paramref name="frame"/> (1 is the first since boot; see
    /// <see cref="FrameCount"/>), one of the last <see cref="RecentCapacity"/>.
    /// </summary>
    public int DistanceOf(int frame) => _recent[Slot(frame)];

    /// <summary>Where frame number <paramref name="frame"/> is remembered (never negative, even once the count wraps).</summary>
    public static int Slot(int frame)
    {
        int slot = frame % RecentCapacity;
        return slot < 0 ? slot + RecentCapacity : slot;
    }
}
