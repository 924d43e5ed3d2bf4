using Tocsin.Firmware.SensorNode.Levels;

namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// Schedules depth readings (five samples, every reading interval: the frames a streaming sensor
/// sent lately, else one sample every 200 ms), filters them,
/// tracks the rate of rise and the local depth level. Without a depth source it does nothing.
/// </summary>
public sealed class DepthChannel
{
    /// <summary>Spacing of the samples within one reading.</summary>
    public const long SampleSpacingMs = 200;

    private readonly IDepthSource _source;
    private readonly int[] _depthsMm = new int[DepthFilter.SamplesPerReading];
    private readonly int[] _raws = new int[DepthFilter.SamplesPerReading];
    private readonly bool[] _valid = new bool[DepthFilter.SamplesPerReading];
    private long _readingStartMs = long.MinValue;
    private long _nextSampleMs;
    private bool _sampling;

    /// <summary>Creates a channel over <paramref name="source"/> (may be null: no depth sensor).</summary>
    public DepthChannel(IDepthSource source)
    {
        _source = source;
    }

    /// <summary>The sensor, or null.</summary>
    public IDepthSource Source => _source;

    /// <summary>Median, range and jump filtering.</summary>
    public DepthFilter Filter { get; } = new DepthFilter();

    /// <summary>Local depth levels with hysteresis.</summary>
    public LevelLadder Levels { get; } = new LevelLadder();

    /// <summary>Rate of rise.</summary>
    public RiseTracker Rise { get; } = new RiseTracker();

    /// <summary>Time between readings.</summary>
    public long ReadingIntervalMs { get; set; } = 10000;

    /// <summary>Readings completed since boot (accepted or not).</summary>
    public int Readings { get; private set; }

    /// <summary>The raw value of the last sample taken.</summary>
    public int LastRaw { get; private set; }

    /// <summary>The depth of the last sample taken (before filtering), mm.</summary>
    public int LastSampleMm { get; private set; }

    /// <summary>Whether the last completed reading found the sensor silent.</summary>
    public bool LastTimedOut { get; private set; }

    /// <summary>Whether the last completed reading was accepted.</summary>
    public bool LastAccepted { get; private set; }

    /// <summary>Whether the last completed reading changed the level.</summary>
    public bool LevelChanged { get; private set; }

    /// <summary>
    /// When <see cref="Tick"/> next takes a sample (monotonic ms): the next sample of a reading under
    /// way, else the start of the next reading; <see cref="long.MaxValue"/> with no depth sensor.
    /// </summary>
    public long NextTimerMs => _source == null ? long.MaxValue
        : _sampling ? _nextSampleMs
        : _readingStartMs == long.MinValue ? 0 : _readingStartMs + ReadingIntervalMs;

    /// <summary>One step; returns true when a reading completed in it.</summary>
    public bool Tick(long nowMs, long minute)
    {
        if (_source == null)
        {
            return false;
        }

        _source.Poll(nowMs);
        if (!_sampling)
        {
            if (_readingStartMs != long.MinValue && nowMs < _readingStartMs + ReadingIntervalMs)
            {
                return false;
            }

            _sampling = true;
            _readingStartMs = nowMs;
            _nextSampleMs = nowMs;
        }

        if (nowMs < _nextSampleMs)
        {
            return false;
        }

        // A sensor that streams has usually sent the samples already; one read on demand (or one
        // with nothing new) gives one sample per spacing.
        int taken = _source.TakeRecent(nowMs, DepthFilter.SamplesPerReading - Filter.Attempts, _depthsMm, _raws, _valid);
        if (taken > 0)
        {
            for (int i = 0; i < taken; i++)
            {
                Filter.AddSample(_valid[i], _depthsMm[i]);
            }

            LastRaw = _raws[taken - 1];
            LastSampleMm = _depthsMm[taken - 1];
        }
        else
        {
            bool valid = _source.TryTakeSample(nowMs, out int depthMm, out int raw);
            LastRaw = raw;
            LastSampleMm = depthMm;
            Filter.AddSample(valid, depthMm);
        }

        _nextSampleMs = nowMs + SampleSpacingMs;
        if (Filter.Attempts < DepthFilter.SamplesPerReading)
        {
            return false;
        }

        _sampling = false;
        Readings++;
        LastTimedOut = _source.IsTimedOut(nowMs);
        LastAccepted = Filter.Complete(LastTimedOut);
        LevelChanged = false;
        if (LastAccepted)
        {
            Rise.Record(minute, Filter.DepthMm);
            LevelChanged = Levels.Update(Filter.DepthMm);
        }

        return true;
    }
}
