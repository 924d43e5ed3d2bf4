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
    private readonly int[] _frameMm = new int[DepthFilter.SamplesPerReading];
    private readonly long[] _frameAtMs = new long[DepthFilter.SamplesPerReading];
    private readonly int[] _polled = new int[DepthFilter.SamplesPerReading];
    private readonly long[] _frameSerial = new long[DepthFilter.SamplesPerReading];
    private int _frameNext;
    private int _frameCount;
    private long _framesSeen;
    private long _framesTakenUpTo = -1;
    private long _untrustedUpTo;
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
        long before = _framesSeen;
        int n;
        while ((n = _line.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            int frames = _parser.Feed(_buffer, 0, n);
            if (frames > 0)
            {
                _lastFrameMs = nowMs;

                // The newest frames are kept, numbered in the order they came, for a reading to take at once.
                int got = _parser.TakeRecent(_polled, _polled.Length);
                for (int i = 0; i < got; i++)
                {
                    _frameMm[_frameNext] = _polled[i];
                    _frameSerial[_frameNext] = _framesSeen + frames - got + i;
                    _frameNext = (_frameNext + 1) % _frameMm.Length;
                    if (_frameCount < _frameMm.Length)
                    {
                        _frameCount++;
                    }
                }

                _framesSeen += frames;
            }
        }

        if (_framesSeen == before)
        {
            return;
        }

        int overflow = _line.OverflowCount;
        if (overflow != _overflowSeen)
        {
            // The line dropped what came last: what was read is a backlog of unknown age, not to be
            // used for a reading or a calibration; the next frames to arrive are.
            _overflowSeen = overflow;
            _frameCount = 0;
            _untrustedUpTo = _framesSeen;
            return;
        }

        // A backlog read at once came a frame period apart, the last one just now.
        for (int i = 0; i < _frameCount; i++)
        {
            int slot = (_frameNext - 1 - i + _frameMm.Length) % _frameMm.Length;
            if (_frameSerial[slot] >= before)
            {
                _frameAtMs[slot] = nowMs - ((_framesSeen - 1 - _frameSerial[slot]) * FramePeriodMs);
            }
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
        int fresh = 0;
        for (int i = 1; i <= _frameCount && fresh < max; i++)
        {
            int slot = (_frameNext - i + _frameMm.Length) % _frameMm.Length;
            if (nowMs - _frameAtMs[slot] > FreshMs)
            {
                break;
            }

            fresh++;
        }

        int mountMm = (int)_settings.GetNumber(_mountIndex);
        for (int k = 0; k < fresh; k++)
        {
            int slot = (_frameNext - fresh + k + _frameMm.Length) % _frameMm.Length;
            int raw = _frameMm[slot];
            raws[k] = raw;
            depthsMm[k] = mountMm - raw;
            valid[k] = raw >= MinDistanceMm && raw <= MaxDistanceMm;
        }

        _frameCount = 0;
        if (fresh > 0)
        {
            _framesTakenUpTo = _framesSeen;
        }

        return fresh;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A frame a reading already took through <see cref="TakeRecent"/> is not offered again as a new
    /// sample: one frame (a blip, perhaps) must not fill several of a reading's five.
    /// </remarks>
    public bool TryTakeSample(long nowMs, out int depthMm, out int raw)
    {
        bool fresh = LatestFrame(nowMs, out depthMm, out raw) && _framesSeen != _framesTakenUpTo;
        _framesTakenUpTo = _framesSeen;
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
        return nowMs - _lastFrameMs <= FreshMs && _framesSeen > _untrustedUpTo && raw >= MinDistanceMm && raw <= MaxDistanceMm;
    }
}
