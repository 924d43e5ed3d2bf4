namespace Tocsin.Firmware.SensorNode.Depth;

/// <summary>
/// Turns raw samples into one trustworthy depth per reading. The median of up to five samples drops
/// single-sample blips (spray, a passing car, an insect); samples outside the plausible range are
/// discarded first; fewer than three valid samples give no reading. A change larger than the
/// allowed jump between consecutive readings is held as suspect until the next reading confirms it,
/// so a one-reading glitch never moves the level while real fast-rising water is accepted one reading
/// later.
/// </summary>
public sealed class DepthFilter
{
    /// <summary>Samples taken per reading.</summary>
    public const int SamplesPerReading = 5;

    /// <summary>Valid samples needed for a reading.</summary>
    public const int MinValidSamples = 3;

    private readonly int[] _samples = new int[SamplesPerReading];
    private int _count;
    private int _attempts;
    private bool _pending;
    private int _pendingMm;

    /// <summary>Largest change accepted without confirmation, mm.</summary>
    public int MaxJumpMm { get; set; } = 150;

    /// <summary>Lowest plausible depth (a little below the dry reference), mm.</summary>
    public int MinDepthMm { get; set; } = -200;

    /// <summary>Highest plausible depth, mm.</summary>
    public int MaxDepthMm { get; set; } = 5000;

    /// <summary>True once a reading has been accepted.</summary>
    public bool HasDepth { get; private set; }

    /// <summary>The last accepted depth, mm.</summary>
    public int DepthMm { get; private set; }

    /// <summary>Quality of the last reading (see <see cref="DepthQuality"/>).</summary>
    public string Quality { get; private set; } = DepthQuality.None;

    /// <summary>Samples discarded as implausible since boot.</summary>
    public int RejectedSamples { get; private set; }

    /// <summary>Readings held as suspect since boot.</summary>
    public int SuspectReadings { get; private set; }

    /// <summary>True while a large change is held as suspect, waiting for the next reading to confirm it.</summary>
    public bool AwaitingConfirmation => _pending;

    /// <summary>Attempts in the current reading.</summary>
    public int Attempts => _attempts;

    /// <summary>Adds one sample attempt (valid or not) to the current reading.</summary>
    public void AddSample(bool valid, int depthMm)
    {
        _attempts++;
        if (!valid || depthMm < MinDepthMm || depthMm > MaxDepthMm)
        {
            RejectedSamples++;
            return;
        }

        if (_count < SamplesPerReading)
        {
            _samples[_count++] = depthMm;
        }
    }

    /// <summary>Ends the current reading; returns true when it produced an accepted depth.</summary>
    public bool Complete(bool timedOut)
    {
        int valid = _count;
        _count = 0;
        _attempts = 0;
        if (timedOut)
        {
            Quality = DepthQuality.Timeout;
            return false;
        }

        if (valid < MinValidSamples)
        {
            Quality = DepthQuality.NoData;
            return false;
        }

        int median = Median(valid);
        if (HasDepth && Distance(median, DepthMm) > MaxJumpMm)
        {
            if (_pending && Distance(median, _pendingMm) <= MaxJumpMm)
            {
                _pending = false;
                return Accept(median);
            }

            _pending = true;
            _pendingMm = median;
            SuspectReadings++;
            Quality = DepthQuality.Suspect;
            return false;
        }

        _pending = false;
        return Accept(median);
    }

    private bool Accept(int depthMm)
    {
        DepthMm = depthMm;
        HasDepth = true;
        Quality = DepthQuality.Ok;
        return true;
    }

    private int Median(int n)
    {
        for (int i = 1; i < n; i++)
        {
            int v = _samples[i];
            int j = i - 1;
            while (j >= 0 && _samples[j] > v)
            {
                _samples[j + 1] = _samples[j];
                j--;
            }

            _samples[j + 1] = v;
        }

        return (n % 2 == 1) ? _samples[n / 2] : (_samples[(n / 2) - 1] + _samples[n / 2]) / 2;
    }

    private static int Distance(int a, int b) => a > b ? a - b : b - a;
}
