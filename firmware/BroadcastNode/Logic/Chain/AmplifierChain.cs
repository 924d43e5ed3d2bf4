using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Chain;

/// <summary>
/// Sequences the amplifier power relay and the speaker zone relays: amplifier on, warm-up, zones
/// on, settle — then audio may play — and, once audio has stopped, a drain interlock, zones off,
/// an interlock, amplifier off. Relays therefore never switch under signal (no arcing, no thump),
/// and zones change between broadcasts without powering the amplifier down. Each step checks what
/// it can: the amplifier's idle current after warm-up, relay feedback contacts where wired, and
/// that the current is gone after the amplifier relay opened (else the relay is stuck).
/// </summary>
public sealed class AmplifierChain
{
    /// <summary>Bit in <see cref="RelayFaultMask"/> for the amplifier power relay (zones use bits 0-7).</summary>
    public const int AmplifierRelayBit = 1 << 15;

    private readonly IDigitalOutput _amplifier;
    private readonly IDigitalOutput[] _zones;
    private readonly IDigitalInput[] _feedback;
    private readonly CurrentSense _sense;
    private long _phaseStartMs;
    private bool _engaged;
    private int _requestedMask;
    private int _closedMask;
    private int _zoneCount;

    /// <summary>
    /// Creates the chain and switches every relay off at once: this runs before anything else at
    /// boot, whatever state the pins came up in. <paramref name="feedback"/> may be null or hold nulls.
    /// </summary>
    public AmplifierChain(IDigitalOutput amplifier, IDigitalOutput[] zones, IDigitalInput[] feedback, CurrentSense sense)
    {
        _amplifier = amplifier;
        _zones = zones ?? new IDigitalOutput[0];
        _feedback = feedback;
        _sense = sense;
        _zoneCount = _zones.Length;
        WarmupMs = 1500;
        InterlockMs = 200;
        ForceOff();
    }

    /// <summary>Where the sequence stands (<see cref="ChainPhase"/>).</summary>
    public int Phase { get; private set; }

    /// <summary>Amplifier power-on to zone relays, ms.</summary>
    public long WarmupMs { get; set; }

    /// <summary>Settle time between relay steps and audio, ms.</summary>
    public long InterlockMs { get; set; }

    /// <summary>Idle current that proves the amplifier is powered, mA (0 disables the check).</summary>
    public int AmpMinMa { get; set; }

    /// <summary>Zone relays in use (the hardware's, limited by bn.zones).</summary>
    public int ZoneCount
    {
        get => _zoneCount;
        set => _zoneCount = value < 0 ? 0 : (value > _zones.Length ? _zones.Length : value);
    }

    /// <summary>Mask of every zone in use.</summary>
    public int AllZonesMask => (1 << _zoneCount) - 1;

    /// <summary>True when the requested zones are closed and settled with the amplifier warm.</summary>
    public bool IsReady => Phase == ChainPhase.Ready && _engaged && _closedMask == _requestedMask;

    /// <summary>True when the amplifier and every zone are off and no sequence is running.</summary>
    public bool IsOff => Phase == ChainPhase.Off && !_amplifier.IsOn;

    /// <summary>True while the amplifier relay is commanded on.</summary>
    public bool AmplifierOn => _amplifier.IsOn;

    /// <summary>Zones whose relays are commanded closed.</summary>
    public int ClosedMask => _closedMask;

    /// <summary>Relays whose feedback (or, for the amplifier, current) disagreed with the command at their last check.</summary>
    public int RelayFaultMask { get; private set; }

    /// <summary>True when the amplifier drew less than <see cref="AmpMinMa"/> after its last warm-up.</summary>
    public bool AmplifierFault { get; private set; }

    /// <summary>Idle current measured at the end of the last warm-up, mA (-1 unknown): the baseline of load checks.</summary>
    public int LastIdleMa { get; private set; } = -1;

    /// <summary>Counts newly detected faults, so a running activation can tell one appeared.</summary>
    public int FaultCount { get; private set; }

    /// <summary>
    /// Asks for the amplifier on with <paramref name="zoneMask"/> closed. Stop audio before asking
    /// for different zones: the chain waits an interlock from this call before any relay opens.
    /// </summary>
    public void Engage(int zoneMask)
    {
        _engaged = true;
        _requestedMask = zoneMask & AllZonesMask;
    }

    /// <summary>Asks for everything off (audio must already be stopped).</summary>
    public void Release() => _engaged = false;

    /// <summary>Opens every relay now, without the sequence: boot, and nothing else.</summary>
    public void ForceOff()
    {
        for (int i = 0; i < _zones.Length; i++)
        {
            _zones[i].Write(false);
        }

        _amplifier.Write(false);
        _closedMask = 0;
        _engaged = false;
        Phase = ChainPhase.Off;
    }

    /// <summary>The feedback contact of zone <paramref name="zone"/>: 1 closed, 0 open, -1 not wired.</summary>
    public int ZoneFeedback(int zone)
    {
        IDigitalInput input = _feedback != null && zone < _feedback.Length ? _feedback[zone] : null;
        return input == null ? -1 : (input.Read() ? 1 : 0);
    }

    /// <summary>Advances the sequence.</summary>
    public void Tick(long nowMs)
    {
        long elapsed = nowMs - _phaseStartMs;
        switch (Phase)
        {
            case ChainPhase.Off:
                if (_engaged)
                {
                    _amplifier.Write(true);
                    Enter(ChainPhase.WarmingUp, nowMs);
                }

                break;
            case ChainPhase.WarmingUp:
                if (!_engaged)
                {
                    AmplifierOff(nowMs);
                }
                else if (elapsed >= WarmupMs)
                {
                    CheckAmplifier();
                    CloseZones(_requestedMask, nowMs);
                }

                break;
            case ChainPhase.ClosingZones:
                if (elapsed >= InterlockMs)
                {
                    CheckFeedback();
                    Enter(ChainPhase.Ready, nowMs);
                }

                break;
            case ChainPhase.Ready:
                if (!_engaged || _requestedMask != _closedMask)
                {
                    Enter(ChainPhase.Draining, nowMs);
                }

                break;
            case ChainPhase.Draining:
                if (_engaged && _requestedMask == _closedMask)
                {
                    Enter(ChainPhase.Ready, nowMs);
                }
                else if (elapsed >= InterlockMs)
                {
                    Reconfigure(nowMs);
                }

                break;
            case ChainPhase.OpeningZones:
                if (elapsed >= InterlockMs)
                {
                    CheckFeedback();
                    Reconfigure(nowMs);
                }

                break;
            case ChainPhase.Cooling:
                if (elapsed >= InterlockMs)
                {
                    CheckAmplifierOff();
                    Enter(ChainPhase.Off, nowMs);
                }

                break;
        }
    }

    // From a settled state: open what is no longer wanted, else close what is newly wanted, else
    // power down (released) or carry on (nothing left to change).
    private void Reconfigure(long nowMs)
    {
        int open = _engaged ? _closedMask & ~_requestedMask : _closedMask;
        if (open != 0)
        {
            for (int i = 0; i < _zones.Length; i++)
            {
                if ((open & (1 << i)) != 0)
                {
                    _zones[i].Write(false);
                }
            }

            _closedMask &= ~open;
            Enter(ChainPhase.OpeningZones, nowMs);
            return;
        }

        if (!_engaged)
        {
            AmplifierOff(nowMs);
            return;
        }

        int close = _requestedMask & ~_closedMask;
        if (close != 0)
        {
            CloseZones(close, nowMs);
            return;
        }

        Enter(ChainPhase.Ready, nowMs);
    }

    private void CloseZones(int mask, long nowMs)
    {
        for (int i = 0; i < _zoneCount; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                _zones[i].Write(true);
            }
        }

        _closedMask |= mask;
        Enter(ChainPhase.ClosingZones, nowMs);
    }

    private void AmplifierOff(long nowMs)
    {
        _amplifier.Write(false);
        Enter(ChainPhase.Cooling, nowMs);
    }

    // The idle current is also the baseline load checks subtract: the sense measures the
    // amplifier's whole supply, so only the rise above idle proves audio reaches the speakers.
    private void CheckAmplifier()
    {
        if (!_sense.TryReadMa(out int ma))
        {
            return;
        }

        LastIdleMa = ma;
        bool fault = AmpMinMa > 0 && ma < AmpMinMa;
        if (fault && !AmplifierFault)
        {
            FaultCount++;
        }

        AmplifierFault = fault;
    }

    private void CheckAmplifierOff()
    {
        if (AmpMinMa <= 0 || !_sense.TryReadMa(out int ma))
        {
            return;
        }

        SetRelayFault(AmplifierRelayBit, ma >= AmpMinMa);
    }

    private void CheckFeedback()
    {
        for (int i = 0; i < _zones.Length; i++)
        {
            int actual = ZoneFeedback(i);
            if (actual >= 0)
            {
                bool commanded = (_closedMask & (1 << i)) != 0;
                SetRelayFault(1 << i, (actual == 1) != commanded);
            }
        }
    }

    private void SetRelayFault(int bit, bool fault)
    {
        if (fault && (RelayFaultMask & bit) == 0)
        {
            FaultCount++;
        }

        RelayFaultMask = fault ? RelayFaultMask | bit : RelayFaultMask & ~bit;
    }

    private void Enter(int phase, long nowMs)
    {
        Phase = phase;
        _phaseStartMs = nowMs;
    }
}
