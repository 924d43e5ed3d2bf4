using Tocsin.Firmware.Config;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// An ultrasonic sensor looking down at the low point: depth = mount height − distance. Samples
/// are only "fresh" if a frame arrived within the freshness window, so a sensor that stopped
/// talking is never mistaken for steady water.
/// </summary>
public sealed class UltrasonicDepthSource : IDepthSource
{
    /// <summary>The A02YYUW class measures 30 mm .. 4,500 mm; anything else is not water.</summary>
    public const int MinDistanceMm = 30;

    /// <summary>Upper end of the sensor's range.</summary>
    public const int MaxDistanceMm = 4500;

    /// <summary>The sensor sends a frame about this often in its automatic mode.</summary>
    public const long FramePeriodMs = 100;

    private const long FreshMs = 1000;
    private const long TimeoutMs = 5000;
    private readonly ISerialLine _line;
    private readonly Settings _settings;
    private readonly int _mountIndex;
    private readonly A02FrameParser _parser = new A02FrameParser();
    private readonly byte[] _buffer = new byte[64];
    // When each of the parser's remembered frames came, by the same frame number; frames up to
    // _takenUpTo were used by a reading, frames up to _untrustedUpTo were read after the line dropped bytes.
    private readonly long[] _frameAtMs = new long[A02FrameParser.RecentCapacity];
    private int _takenUpTo;
    private int _untrustedUpTo;
    private int _overflowSeen;
    private long _lastFrameMs = -TimeoutMs;

    /// <summary>Creates a source on <paramref name="line"/>; mount height comes from the setting at <paramref name="mountIndex"/>.</summary>
    public UltrasonicDepthSource(ISerialLine line, Settings settings, int mountIndex)
    {
        _line = line;
        _settings = settings;
        _mountIndex = mountIndex;
    }

    /// <inheritdoc />
    public string Kind => "ultrasonic";

    /// <summary>The frame parser (for counters on the console).</summary>
    public A02FrameParser Parser => _parser;

    /// <inheritdoc />
    public void Poll(long nowMs)
    {
        int before = _parser.FrameCount;
        int n;
        while ((n = _line.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            _parser.Feed(_buffer, 0, n);
        }

        int last = _parser.FrameCount;
        if (last == before)
        {
            return;
        }

        _lastFrameMs = nowMs;
        int overflow = _line.OverflowCount;
        if (overflow != _overflowSeen)
        {
            // The line dropped what came last: what was read is a backlog of unknown age, not to be
            // used for a reading or a calibration; the next frames to arrive are.
            _overflowSeen = overflow;
            _untrustedUpTo = last;
            return;
        }

        // A backlog read at once came a frame period apart, the last one just now.
        int first = last - A02FrameParser.RecentCapacity + 1;
        for (int frame = before + 1 > first ? before + 1 : first; frame <= last; frame++)
        {
            _frameAtMs[A02FrameParser.Slot(frame)] = nowMs - ((last - frame) * FramePeriodMs);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The sensor sends a frame every 100 ms whether asked or not, so a reading uses the frames that
    /// arrived while the loop was elsewhere (a TLS handshake, a flash write) instead of stretching its
    /// five samples over however long that took.
    /// </remarks>
    public int TakeRecent(long nowMs, int max, int[] depthsMm, int[] raws, bool[] valid)
    {
        int last = _parser.FrameCount;
        int oldest = last - A02FrameParser.RecentCapacity;
        if (_takenUpTo > oldest)
        {
            oldest = _takenUpTo;
        }

        if (_untrustedUpTo > oldest)
        {
            oldest = _untrustedUpTo;
        }

        // Newest first, back to the first one too old, taken, untrusted or forgotten.
        int fresh = 0;
        while (fresh < max && last - fresh > oldest && nowMs - _frameAtMs[A02FrameParser.Slot(last - fresh)] <= FreshMs)
        {
            fresh++;
        }

        int mountMm = (int)_settings.GetNumber(_mountIndex);
        for (int k = 0; k < fresh; k++)
        {
            int raw = _parser.DistanceOf(last - fresh + 1 + k);
            raws[k] = raw;
            depthsMm[k] = mountMm - raw;
            valid[k] = raw >= MinDistanceMm && raw <= MaxDistanceMm;
        }

        _takenUpTo = last;
        return fresh;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A frame a reading already took through <see cref="TakeRecent"/> is not offered again as a new
    /// sample: one frame (a blip, perhaps) must not fill several of a reading's five.
    /// </remarks>
    public bool TryTakeSample(long nowMs, out int depthMm, out int raw)
    {
        bool fresh = LatestFrame(nowMs, out depthMm, out raw) && _parser.FrameCount != _takenUpTo;
        _takenUpTo = _parser.FrameCount;
        return fresh;
    }

    /// <inheritdoc />
    public bool IsTimedOut(long nowMs) => nowMs - _lastFrameMs > TimeoutMs;

    /// <inheritdoc />
    public bool CalibrateDry(long nowMs)
    {
        if (!LatestFrame(nowMs, out int _, out int distance))
        {
            return false;
        }

        return _settings.Set(_settings.Definition(_mountIndex).Name, distance.ToString()) == null;
    }

    /// <inheritdoc />
    public bool TryPeekSample(long nowMs, out int depthMm, out int raw) => LatestFrame(nowMs, out depthMm, out raw);

    // The last frame received, if it is recent, trusted (not from a backlog after a drop) and in range.
    private bool LatestFrame(long nowMs, out int depthMm, out int raw)
    {
        raw = _parser.LastDistanceMm;
        depthMm = (int)_settings.GetNumber(_mountIndex) - raw;
        return nowMs - _lastFrameMs <= FreshMs && _parser.FrameCount > _untrustedUpTo && raw >= MinDistanceMm && raw <= MaxDistanceMm;
    }
}
