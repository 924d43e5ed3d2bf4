using Tocsin.Firmware.BroadcastNode.Audio;
using Tocsin.Firmware.BroadcastNode.Chain;
using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Playback;

/// <summary>
/// Plays one activation's program, step by step, over the amplifier chain, and supervises it:
/// every audible step must show load current (the rise above the amplifier's idle current) within
/// <see cref="LoadCheckMs"/>, the player must
/// answer and finish its clips, relays must report what they were told. A failed check is
/// recorded (<see cref="FailReason"/>, first one wins) but the program carries on: whatever still
/// works keeps warning people (one failed speaker must not silence the rest, GB 16806).
/// </summary>
public sealed class ProgramRunner
{
    private const int Idle = 0;
    private const int WaitChain = 1;
    private const int Sounding = 2;
    private const int Done = 3;

    private readonly AmplifierChain _chain;
    private readonly DfPlayer _player;
    private readonly IToneOutput _tone;
    private readonly CurrentSense _sense;
    private readonly PlaybackProgram _program = new PlaybackProgram();
    private int _index;
    private int _phase;
    private long _stepStartMs;
    private long _loadDeadlineMs;
    private int _threshold;
    private bool _loadSeen;
    private bool _audioStartedOwed;
    private int _chainFaultsSeen;

    /// <summary>Creates the runner over the node's audio hardware.</summary>
    public ProgramRunner(AmplifierChain chain, DfPlayer player, IToneOutput tone, CurrentSense sense)
    {
        _chain = chain;
        _player = player;
        _tone = tone;
        _sense = sense;
        LoadMinMa = 300;
        PilotMinMa = 40;
        LoadCheckMs = 3000;
        ClipMaxMs = 300000;
    }

    /// <summary>Load current (above idle) proving audio reaches the speakers, mA.</summary>
    public int LoadMinMa { get; set; }

    /// <summary>Pilot current (above idle) proving a zone's line in the silent test, mA.</summary>
    public int PilotMinMa { get; set; }

    /// <summary>How soon into an audible step the load current must show, ms.</summary>
    public long LoadCheckMs { get; set; }

    /// <summary>A clip still playing after this is cut, ms.</summary>
    public long ClipMaxMs { get; set; }

    /// <summary>The program; fill it (after <see cref="Stop"/>) before <see cref="Start"/>.</summary>
    public PlaybackProgram Program => _program;

    /// <summary>The step playing or next to play.</summary>
    public int StepIndex => _index;

    /// <summary>The first failed check of this activation, or null.</summary>
    public string FailReason { get; private set; }

    /// <summary>True once every step has run.</summary>
    public bool IsDone => _phase == Done;

    /// <summary>True from start until every step has run: waiting for the chain or sounding.</summary>
    public bool IsActive => _phase == WaitChain || _phase == Sounding;

    /// <summary>True while a step's audio is on (or a player check runs).</summary>
    public bool IsSounding => _phase == Sounding;

    /// <summary>
    /// While a siren or clip step sounds with its line proven (or not judged) and, for a clip, the
    /// player answering: the latest time (ms) the step can end. Until then the runner's ticks only
    /// re-sample the siren's sweep; <c>BroadcastModule.SteadyUntilMs</c> adds what else may fall due.
    /// <see cref="long.MinValue"/> when a tick may change something at any moment (chain engaging,
    /// load not proven yet, pilot peaks, player checks).
    /// </summary>
    public long SteadyUntilMs
    {
        get
        {
            if (_phase != Sounding || (_threshold > 0 && !_loadSeen))
            {
                return long.MinValue;
            }

            int kind = _program.KindAt(_index);
            if (kind == StepKind.Siren)
            {
                return _stepStartMs + _program.DurationMsAt(_index);
            }

            return kind == StepKind.Clip && _player.LastAnswerMs >= _stepStartMs ? _stepStartMs + ClipMaxMs : long.MinValue;
        }
    }

    /// <summary>Outcome of the last supervised line check: 1 load seen, -1 none, 0 none yet.</summary>
    public int LineState { get; private set; }

    /// <summary>Starts from the first step.</summary>
    public void Start()
    {
        _index = 0;
        _phase = _program.Count == 0 ? Done : WaitChain;
        FailReason = null;
        _audioStartedOwed = false;
        _chainFaultsSeen = _chain.FaultCount;
        _program.ResetOutcomes();
    }

    /// <summary>Silences at once and stops (preempted, cancelled, stopped, expired).</summary>
    public void Stop(long nowMs)
    {
        if (_phase == Sounding)
        {
            StopAudio(nowMs);
        }

        _phase = Idle;
    }

    /// <summary>True once, when the activation's first step has started (the "playing" moment).</summary>
    public bool TakeAudioStarted()
    {
        bool owed = _audioStartedOwed;
        _audioStartedOwed = false;
        return owed;
    }

    /// <summary>Advances the program.</summary>
    public void Tick(long nowMs)
    {
        if (_phase == Idle || _phase == Done)
        {
            return;
        }

        if (_chain.FaultCount != _chainFaultsSeen)
        {
            _chainFaultsSeen = _chain.FaultCount;
            Fail(_chain.AmplifierFault ? BroadcastReason.AmplifierFault : BroadcastReason.RelayFault);
        }

        if (_phase == WaitChain)
        {
            if (_program.KindAt(_index) != StepKind.PlayerCheck)
            {
                _chain.Engage(_program.ZonesAt(_index));
                if (!_chain.IsReady)
                {
                    return;
                }
            }

            StartStep(nowMs);
            return;
        }

        long elapsed = nowMs - _stepStartMs;
        switch (_program.KindAt(_index))
        {
            case StepKind.Siren:
                int hz = SirenPattern.FrequencyAt(_program.ArgAt(_index), elapsed);
                if (hz != _tone.FrequencyHz)
                {
                    _tone.SetTone(hz);
                }

                Supervise(nowMs, true);
                if (elapsed >= _program.DurationMsAt(_index))
                {
                    EndStep(nowMs, true);
                }

                break;
            case StepKind.Pilot:
                Supervise(nowMs, true);
                if (elapsed >= _program.DurationMsAt(_index))
                {
                    EndStep(nowMs, true);
                }

                break;
            case StepKind.Clip:
                TickClip(nowMs, elapsed);
                break;
            default:
                if (_player.LastAnswerMs >= _stepStartMs)
                {
                    EndStep(nowMs, false);
                }
                else if (elapsed >= (2 * _player.VerdictDelayMs) + DfPlayer.FrameGapMs)
                {
                    Fail(BroadcastReason.PlayerNotAnswering);
                    _program.MarkFailed(_index);
                    EndStep(nowMs, false);
                }

                break;
        }
    }

    private void TickClip(long nowMs, long elapsed)
    {
        // Until the player has answered since "play", silence proves nothing about the line.
        bool playerAlive = _player.LastAnswerMs >= _stepStartMs;
        Supervise(nowMs, playerAlive);
        if (_player.ErrorCode != 0)
        {
            int code = _player.ErrorCode;
            Fail(code == DfPlayerFrame.ErrorNotFound || code == DfPlayerFrame.ErrorOutOfRange ? BroadcastReason.ClipMissing : BroadcastReason.PlayerError);
            _program.MarkFailed(_index);
            EndStep(nowMs, false);
        }
        else if (_player.NotAnswering && elapsed >= _player.VerdictDelayMs)
        {
            Fail(BroadcastReason.PlayerNotAnswering);
            _program.MarkFailed(_index);
            EndStep(nowMs, false);
        }
        else if (_player.Finished)
        {
            EndStep(nowMs, true);
        }
        else if (elapsed >= ClipMaxMs)
        {
            EndStep(nowMs, true);
        }
    }

    private void StartStep(long nowMs)
    {
        _phase = Sounding;
        _stepStartMs = nowMs;
        _loadSeen = false;
        _audioStartedOwed |= _index == 0;
        int kind = _program.KindAt(_index);
        switch (kind)
        {
            case StepKind.Siren:
                _tone.SetTone(SirenPattern.FrequencyAt(_program.ArgAt(_index), 0));
                _threshold = LoadMinMa;
                _loadDeadlineMs = nowMs + (_program.DurationMsAt(_index) < LoadCheckMs ? _program.DurationMsAt(_index) : LoadCheckMs);
                break;
            case StepKind.Pilot:
                _tone.SetTone(_program.ArgAt(_index));
                _threshold = PilotMinMa;
                _loadDeadlineMs = nowMs + _program.DurationMsAt(_index);
                break;
            case StepKind.Clip:
                _player.Play(_program.ArgAt(_index), nowMs);
                _threshold = LoadMinMa;
                _loadDeadlineMs = nowMs + LoadCheckMs;
                break;
            default:
                _player.Query(nowMs);
                _threshold = 0;
                break;
        }

        if (!_sense.IsPresent)
        {
            _threshold = 0;
        }
    }

    // Reads the current while the step still has to prove its load (pilot steps: all along, for
    // the peak the silent test reports); past the deadline without it, the line check fails.
    private void Supervise(long nowMs, bool judge)
    {
        if (_threshold <= 0 || (_loadSeen && _program.KindAt(_index) != StepKind.Pilot))
        {
            return;
        }

        if (_sense.TryReadMa(out int total))
        {
            int idle = _chain.LastIdleMa;
            int ma = idle > 0 && total > idle ? total - idle : (idle > 0 ? 0 : total);
            _program.RecordMa(_index, ma);

            if (ma >= _threshold && !_loadSeen)
            {
                _loadSeen = true;
                LineState = 1;
            }
        }

        if (!_loadSeen && judge && nowMs >= _loadDeadlineMs)
        {
            FailLine();
        }
    }

    private void EndStep(long nowMs, bool judgeLoad)
    {
        if (judgeLoad && _threshold > 0 && !_loadSeen)
        {
            FailLine();
        }

        _program.MarkDone(_index);

        StopAudio(nowMs);
        _index++;
        _phase = _index >= _program.Count ? Done : WaitChain;
    }

    private void FailLine()
    {
        Fail(BroadcastReason.NoLoadCurrent);
        LineState = -1;
        _program.MarkFailed(_index);
        _threshold = 0;
    }

    private void StopAudio(long nowMs)
    {
        int kind = _program.KindAt(_index);
        if (kind == StepKind.Siren || kind == StepKind.Pilot)
        {
            _tone.Off();
        }
        else if (kind == StepKind.Clip && !_player.Finished)
        {
            _player.Stop(nowMs);
        }
    }

    private void Fail(string reason)
    {
        if (FailReason == null)
        {
            FailReason = reason;
        }
    }
}
