using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// A DFPlayer-class MP3 module at the other end of the node's UART: it parses the 10-byte frames
/// the node writes (7E FF 06 cmd fb p_hi p_lo chk_hi chk_lo EF), plays clips for their configured
/// durations on the node's clock, answers status queries, reports finished tracks (optionally twice,
/// as real modules do) and unknown tracks (error 6), and can be made dead (no answers, no sound).
/// Steady-state reads and writes do not allocate, so benchmarks measure the firmware.
/// </summary>
public sealed class SimClipPlayer : ISerialLine
{
    private readonly IClock _clock;
    private readonly Dictionary<int, int> _durationsMs = new();
    private readonly Queue<byte> _toNode = new(256);
    private readonly byte[] _frame = new byte[10];
    private readonly byte[] _reply = new byte[10];
    private readonly List<PlayedClip> _played = new();
    private int _frameLength;
    private long _startedMs;
    private bool _dead;
    private SimClipPlayerBusy? _busy;

    /// <summary>Creates a player timing clips on <paramref name="clock"/>.</summary>
    public SimClipPlayer(IClock clock)
    {
        _clock = clock;
    }

    /// <summary>The clip playing (0 when none).</summary>
    public int CurrentTrack { get; private set; }

    /// <summary>True while a clip plays.</summary>
    public bool IsPlaying
    {
        get
        {
            Update();
            return CurrentTrack != 0;
        }
    }

    /// <summary>When the clip playing ends on the node's monotonic clock (ms), or null when none plays.</summary>
    public long? EndsAtMs
    {
        get
        {
            Update();
            return CurrentTrack == 0 || _dead ? null : _startedMs + _durationsMs[CurrentTrack];
        }
    }

    /// <summary>Last volume set (0-30).</summary>
    public int Volume { get; private set; } = 20;

    /// <summary>Valid frames received from the node.</summary>
    public int FramesReceived { get; private set; }

    /// <summary>Frames with a bad checksum or shape.</summary>
    public int BadFrames { get; private set; }

    /// <summary>Status queries answered.</summary>
    public int QueriesAnswered { get; private set; }

    /// <summary>Stop commands received.</summary>
    public int StopCount { get; private set; }

    /// <summary>Send the finish message twice (a known module quirk).</summary>
    public bool DuplicateFinish { get; set; }

    /// <summary>Never send the finish message (a lost frame): only BUSY and status queries tell.</summary>
    public bool SuppressFinish { get; set; }

    /// <summary>The module's BUSY output.</summary>
    public SimClipPlayerBusy Busy => _busy ??= new SimClipPlayerBusy(this);

    /// <summary>Every clip started, in order.</summary>
    public IReadOnlyList<PlayedClip> Played => _played;

    /// <summary>A dead module: it stops playing and neither answers nor plays until revived.</summary>
    public bool Dead
    {
        get => _dead;
        set
        {
            if (value && CurrentTrack != 0)
            {
                End("power");
            }

            _dead = value;
        }
    }

    /// <summary>Puts clip <paramref name="track"/> of <paramref name="durationMs"/> on the card.</summary>
    public void SetTrack(int track, int durationMs) => _durationsMs[track] = durationMs;

    /// <summary>Removes a clip from the card.</summary>
    public void RemoveTrack(int track) => _durationsMs.Remove(track);

    /// <inheritdoc />
    public int OverflowCount => 0;

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        Update();
        int n = 0;
        while (n < count && _toNode.Count > 0)
        {
            buffer[offset + n++] = _toNode.Dequeue();
        }

        return n;
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        Update();
        for (int i = 0; i < count; i++)
        {
            Accept(buffer[offset + i]);
        }
    }

    private void Accept(byte b)
    {
        if (_frameLength == 0 && b != 0x7E)
        {
            return;
        }

        _frame[_frameLength++] = b;
        if (_frameLength < 10)
        {
            return;
        }

        _frameLength = 0;
        int sum = 0;
        for (int i = 1; i <= 6; i++)
        {
            sum += _frame[i];
        }

        int checksum = (_frame[7] << 8) | _frame[8];
        if (_frame[1] != 0xFF || _frame[2] != 0x06 || _frame[9] != 0xEF || ((sum + checksum) & 0xFFFF) != 0)
        {
            BadFrames++;
            return;
        }

        FramesReceived++;
        if (!_dead)
        {
            Handle(_frame[3], (_frame[5] << 8) | _frame[6]);
        }
    }

    private void Handle(byte command, int parameter)
    {
        switch (command)
        {
            case 0x03:
                if (!_durationsMs.ContainsKey(parameter))
                {
                    Send(0x40, 6);
                    return;
                }

                if (CurrentTrack != 0)
                {
                    End("replaced");
                }

                CurrentTrack = parameter;
                _startedMs = _clock.MonotonicMs();
                _played.Add(new PlayedClip(parameter, _startedMs, Volume));
                break;
            case 0x06:
                Volume = parameter;
                break;
            case 0x16:
                StopCount++;
                if (CurrentTrack != 0)
                {
                    End("stopped");
                }

                break;
            case 0x42:
                QueriesAnswered++;
                Send(0x42, 0x0200 | (CurrentTrack != 0 ? 1 : 0));
                break;
        }
    }

    private void Update()
    {
        if (CurrentTrack == 0 || _dead)
        {
            return;
        }

        long now = _clock.MonotonicMs();
        if (now - _startedMs >= _durationsMs[CurrentTrack])
        {
            int track = CurrentTrack;
            End("finished");
            if (SuppressFinish)
            {
                return;
            }

            Send(0x3D, track);
            if (DuplicateFinish)
            {
                Send(0x3D, track);
            }
        }
    }

    private void End(string reason)
    {
        PlayedClip clip = _played[^1];
        clip.EndMs = _clock.MonotonicMs();
        clip.EndReason = reason;
        CurrentTrack = 0;
    }

    private void Send(byte command, int parameter)
    {
        _reply[0] = 0x7E;
        _reply[1] = 0xFF;
        _reply[2] = 0x06;
        _reply[3] = command;
        _reply[4] = 0;
        _reply[5] = (byte)(parameter >> 8);
        _reply[6] = (byte)parameter;
        int sum = 0;
        for (int i = 1; i <= 6; i++)
        {
            sum += _reply[i];
        }

        int checksum = (0x10000 - sum) & 0xFFFF;
        _reply[7] = (byte)(checksum >> 8);
        _reply[8] = (byte)checksum;
        _reply[9] = 0xEF;
        foreach (byte b in _reply)
        {
            _toNode.Enqueue(b);
        }
    }
}
