using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Audio;

/// <summary>
/// Driver for a DFPlayer-class MP3 module on a UART (<see cref="DfPlayerFrame"/>). Non-blocking:
/// commands are queued and sent one per <see cref="FrameGapMs"/> (the modules drop commands sent
/// back to back); answers are parsed in <see cref="Tick"/> with resynchronisation on garbage. The
/// player is checked with status queries — right after a track starts, every
/// <see cref="PlayingPollMs"/> while it plays and every <see cref="IdlePollMs"/> otherwise — and
/// <see cref="MissedAnswersForFault"/> unanswered queries in a row make it <see cref="NotAnswering"/>.
/// </summary>
public sealed class DfPlayer
{
    /// <summary>Least time between two frames to the module.</summary>
    public const long FrameGapMs = 50;

    /// <summary>Delay from "play" to the status query that confirms the track started.</summary>
    public const long StartCheckDelayMs = 300;

    /// <summary>Status query period while a track plays: a dead module is noticed within seconds.</summary>
    public const long PlayingPollMs = 2000;

    /// <summary>Status query period while idle, so a dead module shows in the heartbeat before it is needed.</summary>
    public const long IdlePollMs = 300000;

    /// <summary>Query period once the module stopped answering, to notice it coming back.</summary>
    public const long RecoveryPollMs = 10000;

    /// <summary>First query after boot: the module needs about 1.5 s to read its card.</summary>
    public const long BootQueryDelayMs = 2000;

    /// <summary>Unanswered status queries in a row that make the player faulty.</summary>
    public const int MissedAnswersForFault = 2;

    // A "stopped" status this soon after "play" may be the module not having started yet.
    private const long StoppedCountsAsFinishedAfterMs = 1000;
    private const int QueueSize = 4;
    private const int ReadChunks = 4;

    private readonly ISerialLine _line;
    private readonly IDigitalInput _busy;
    private readonly byte[] _tx = new byte[DfPlayerFrame.Length];
    private readonly byte[] _rx = new byte[32];
    private readonly byte[] _frame = new byte[DfPlayerFrame.Length];
    private readonly byte[] _queueCommand = new byte[QueueSize];
    private readonly int[] _queueParameter = new int[QueueSize];
    private int _frameLength;
    private int _queueCount;
    private long _lastSendMs = -FrameGapMs;
    private long _answerDueMs = -1;
    private long _nextQueryMs = BootQueryDelayMs;
    private long _playStartMs;
    private int _missed;
    private bool _busySeen;

    /// <summary>
    /// Creates the driver on <paramref name="line"/> (9600 8N1 on the board); <paramref name="busy"/>
    /// is the module's BUSY output (active while playing), or null when it is not wired.
    /// </summary>
    public DfPlayer(ISerialLine line, IDigitalInput busy)
    {
        _line = line;
        _busy = busy;
        AnswerTimeoutMs = 1000;
        Status = -1;
        LastAnswerMs = -1;
    }

    /// <summary>How long a status query may go unanswered.</summary>
    public long AnswerTimeoutMs { get; set; }

    /// <summary>The track asked to play (0 when none).</summary>
    public int Track { get; private set; }

    /// <summary>True once the current track has finished (finish message, or status "stopped").</summary>
    public bool Finished { get; private set; }

    /// <summary>Error code the module reported for the current track (0 none; 5/6 missing track).</summary>
    public int ErrorCode { get; private set; }

    /// <summary>True after <see cref="MissedAnswersForFault"/> unanswered queries, until the module answers again.</summary>
    public bool NotAnswering => _missed >= MissedAnswersForFault;

    /// <summary>
    /// Time after <see cref="Play"/> by which a live module has answered the start-check query; a
    /// module still <see cref="NotAnswering"/> then has had its fresh chance and is dead.
    /// </summary>
    public long VerdictDelayMs => StartCheckDelayMs + (3 * FrameGapMs) + AnswerTimeoutMs;

    /// <summary>Last status the module reported (0 stopped, 1 playing, 2 paused; -1 never).</summary>
    public int Status { get; private set; }

    /// <summary>Time of the last valid frame from the module (-1 never).</summary>
    public long LastAnswerMs { get; private set; }

    /// <summary>Valid frames received since boot.</summary>
    public int FramesReceived { get; private set; }

    /// <summary>Bytes discarded while resynchronising on bad frames.</summary>
    public int BytesDiscarded { get; private set; }

    /// <summary>Starts <paramref name="track"/> (1-2999); a track already playing is replaced.</summary>
    public void Play(int track, long nowMs)
    {
        Enqueue(DfPlayerFrame.PlayTrack, track);
        Track = track;
        Finished = false;
        ErrorCode = 0;
        _busySeen = false;
        _playStartMs = nowMs;
        _nextQueryMs = nowMs + StartCheckDelayMs;
    }

    /// <summary>Stops playback (also sent at boot: the module keeps playing through a board reset).</summary>
    public void Stop(long nowMs)
    {
        Enqueue(DfPlayerFrame.Stop, 0);
        Track = 0;
        Finished = false;
        ErrorCode = 0;
    }

    /// <summary>Sets the volume (0-30).</summary>
    public void SetVolume(int volume) => Enqueue(DfPlayerFrame.SetVolume, volume < 0 ? 0 : (volume > 30 ? 30 : volume));

    /// <summary>When the player next needs a tick (ms): its next status query or an answer falling due.</summary>
    public long NextDueMs => _queueCount > 0 ? _lastSendMs + FrameGapMs
        : _answerDueMs >= 0 ? _answerDueMs
        : _nextQueryMs;

    /// <summary>Asks for the status as soon as the line allows (self-test, silent test).</summary>
    public void Query(long nowMs) => _nextQueryMs = nowMs;

    /// <summary>Reads answers, sends what is due and checks for unanswered queries.</summary>
    public void Tick(long nowMs)
    {
        for (int chunk = 0; chunk < ReadChunks; chunk++)
        {
            int n = _line.Read(_rx, 0, _rx.Length);
            if (n <= 0)
            {
                break;
            }

            for (int i = 0; i < n; i++)
            {
                Accept(_rx[i], nowMs);
            }
        }

        // BUSY falling after it rose is the end of the track, even if the finish message was lost.
        if (_busy != null && Track != 0 && !Finished)
        {
            bool busy = _busy.Read();
            _busySeen |= busy;
            if (!busy && _busySeen)
            {
                Finished = true;
            }
        }

        if (_answerDueMs >= 0 && nowMs >= _answerDueMs)
        {
            _answerDueMs = -1;
            _missed++;
            _nextQueryMs = _missed < MissedAnswersForFault ? nowMs : nowMs + RecoveryPollMs;
        }

        if (_answerDueMs < 0 && nowMs >= _nextQueryMs && !IsQueued(DfPlayerFrame.QueryStatus))
        {
            Enqueue(DfPlayerFrame.QueryStatus, 0);
            _nextQueryMs = nowMs + (Track != 0 && !Finished ? PlayingPollMs : IdlePollMs);
        }

        if (_queueCount > 0 && nowMs - _lastSendMs >= FrameGapMs)
        {
            SendHead(nowMs);
        }
    }

    private void SendHead(long nowMs)
    {
        byte command = _queueCommand[0];
        DfPlayerFrame.Encode(_tx, 0, command, _queueParameter[0]);
        _line.Write(_tx, 0, DfPlayerFrame.Length);
        _lastSendMs = nowMs;
        if (command == DfPlayerFrame.QueryStatus)
        {
            _answerDueMs = nowMs + AnswerTimeoutMs;
        }

        RemoveAt(0);
    }

    // Play and stop supersede each other, and one volume and one query are enough, so the queue
    // never holds more than three frames and can never overflow.
    private void Enqueue(byte command, int parameter)
    {
        bool transport = command == DfPlayerFrame.PlayTrack || command == DfPlayerFrame.Stop;
        for (int i = _queueCount - 1; i >= 0; i--)
        {
            byte queued = _queueCommand[i];
            bool queuedTransport = queued == DfPlayerFrame.PlayTrack || queued == DfPlayerFrame.Stop;
            if (queued == command || (transport && queuedTransport))
            {
                RemoveAt(i);
            }
        }

        _queueCommand[_queueCount] = command;
        _queueParameter[_queueCount] = parameter;
        _queueCount++;
    }

    private bool IsQueued(byte command)
    {
        for (int i = 0; i < _queueCount; i++)
        {
            if (_queueCommand[i] == command)
            {
                return true;
            }
        }

        return false;
    }

    private void RemoveAt(int index)
    {
        for (int i = index + 1; i < _queueCount; i++)
        {
            _queueCommand[i - 1] = _queueCommand[i];
            _queueParameter[i - 1] = _queueParameter[i];
        }

        _queueCount--;
    }

    private void Accept(byte b, long nowMs)
    {
        if (_frameLength == 0 && b != DfPlayerFrame.Start)
        {
            BytesDiscarded++;
            return;
        }

        _frame[_frameLength++] = b;
        if (_frameLength < DfPlayerFrame.Length)
        {
            return;
        }

        if (DfPlayerFrame.TryDecode(_frame, 0, out byte command, out int parameter))
        {
            _frameLength = 0;
            OnFrame(command, parameter, nowMs);
            return;
        }

        // Resynchronise: drop bytes up to the next start byte inside what was collected.
        int next = 1;
        while (next < _frameLength && _frame[next] != DfPlayerFrame.Start)
        {
            next++;
        }

        BytesDiscarded += next;
        for (int i = next; i < _frameLength; i++)
        {
            _frame[i - next] = _frame[i];
        }

        _frameLength -= next;
    }

    private void OnFrame(byte command, int parameter, long nowMs)
    {
        FramesReceived++;
        LastAnswerMs = nowMs;
        _missed = 0;
        _answerDueMs = -1;
        bool playing = Track != 0 && !Finished;
        switch (command)
        {
            case DfPlayerFrame.TrackFinished:
                // Modules often send this twice; only the first for the current track counts.
                if (playing && parameter == Track)
                {
                    Finished = true;
                }

                break;
            case DfPlayerFrame.Error:
                if (playing)
                {
                    ErrorCode = parameter == 0 ? -1 : parameter;
                }

                break;
            case DfPlayerFrame.QueryStatus:
                Status = parameter & 0xFF;
                if (playing && Status == 0 && nowMs - _playStartMs >= StoppedCountsAsFinishedAfterMs)
                {
                    Finished = true;
                }

                break;
        }
    }
}
