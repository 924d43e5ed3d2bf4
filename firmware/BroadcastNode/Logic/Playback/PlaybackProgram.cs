namespace Tocsin.Firmware.BroadcastNode.Playback;

/// <summary>
/// The steps of one activation, built when it takes the chain, with each step's measured peak
/// current and outcome for the test report. Fixed arrays, reused for every activation.
/// </summary>
public sealed class PlaybackProgram
{
    /// <summary>Most steps in one program (drill opening + 5 × (siren + 8 clips) fits).</summary>
    public const int MaxSteps = 48;

    private readonly int[] _kind = new int[MaxSteps];
    private readonly int[] _arg = new int[MaxSteps];
    private readonly int[] _durationMs = new int[MaxSteps];
    private readonly int[] _zones = new int[MaxSteps];
    private readonly int[] _peakMa = new int[MaxSteps];
    private readonly int[] _outcome = new int[MaxSteps];

    /// <summary>Steps in the program.</summary>
    public int Count { get; private set; }

    /// <summary>Empties the program.</summary>
    public void Clear() => Count = 0;

    /// <summary>Appends a step; false when the program is full.</summary>
    public bool Add(int kind, int arg, int durationMs, int zoneMask)
    {
        if (Count == MaxSteps)
        {
            return false;
        }

        _kind[Count] = kind;
        _arg[Count] = arg;
        _durationMs[Count] = durationMs;
        _zones[Count] = zoneMask;
        Count++;
        return true;
    }

    /// <summary>Forgets the measurements of a previous run.</summary>
    public void ResetOutcomes()
    {
        for (int i = 0; i < Count; i++)
        {
            _peakMa[i] = 0;
            _outcome[i] = 0;
        }
    }

    /// <summary>The kind of step <paramref name="index"/> (<see cref="StepKind"/>).</summary>
    public int KindAt(int index) => _kind[index];

    /// <summary>The argument of step <paramref name="index"/>: clip number, siren pattern or pilot Hz.</summary>
    public int ArgAt(int index) => _arg[index];

    /// <summary>The length of a timed step, ms.</summary>
    public int DurationMsAt(int index) => _durationMs[index];

    /// <summary>The zones of step <paramref name="index"/>.</summary>
    public int ZonesAt(int index) => _zones[index];

    /// <summary>The highest load current (above idle) seen during step <paramref name="index"/>, mA.</summary>
    public int PeakMaAt(int index) => _peakMa[index];

    /// <summary>Step outcome: 1 passed, -1 failed a check, 0 not run.</summary>
    public int OutcomeAt(int index) => _outcome[index];

    /// <summary>Raises the step's recorded peak.</summary>
    public void RecordMa(int index, int milliamps)
    {
        if (milliamps > _peakMa[index])
        {
            _peakMa[index] = milliamps;
        }
    }

    /// <summary>Records a failed check (it sticks).</summary>
    public void MarkFailed(int index) => _outcome[index] = -1;

    /// <summary>Records that the step ran, unless it already failed.</summary>
    public void MarkDone(int index)
    {
        if (_outcome[index] == 0)
        {
            _outcome[index] = 1;
        }
    }
}
