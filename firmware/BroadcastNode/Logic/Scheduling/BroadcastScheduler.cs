using Tocsin.Firmware.BroadcastNode.Audio;
using Tocsin.Firmware.BroadcastNode.Chain;
using Tocsin.Firmware.BroadcastNode.Persistence;
using Tocsin.Firmware.BroadcastNode.Playback;
using Tocsin.Firmware.BroadcastNode.Reporting;
using Tocsin.Firmware.Hardware;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// Holds up to <see cref="SlotCount"/> broadcasts and decides, every tick, which one has the
/// amplifier chain: the highest priority among those whose start time has come (earliest accepted
/// first on a tie). A higher priority preempts the active one, which resumes — from its beginning —
/// when it is again the best and still valid. Validity is checked against trusted UTC when the node
/// has it and against the monotonic clock otherwise; every activation is also cut at
/// bn.max_activation_s. Each change is reported and the held set persisted.
/// </summary>
public sealed class BroadcastScheduler
{
    /// <summary>Broadcasts held at once (one sounding, the others waiting or preempted).</summary>
    public const int SlotCount = 4;

    private readonly Broadcast[] _slots = new Broadcast[SlotCount];
    private readonly ProgramRunner _runner;
    private readonly AmplifierChain _chain;
    private readonly DfPlayer _player;
    private readonly BroadcastSettings _settings;
    private readonly BroadcastReporter _report;
    private readonly HandledLog _log;
    private readonly HeldStore _held;
    private readonly long[] _ruleFiredUtcMs;
    private readonly IClock _clock;
    private long _order;

    /// <summary>Creates the scheduler; <paramref name="ruleFiredUtcMs"/> is persisted with the held set.</summary>
    public BroadcastScheduler(ProgramRunner runner, AmplifierChain chain, DfPlayer player, BroadcastSettings settings,
        BroadcastReporter report, HandledLog log, HeldStore held, long[] ruleFiredUtcMs, IClock clock)
    {
        _clock = clock;
        _runner = runner;
        _chain = chain;
        _player = player;
        _settings = settings;
        _report = report;
        _log = log;
        _held = held;
        _ruleFiredUtcMs = ruleFiredUtcMs;
        for (int i = 0; i < SlotCount; i++)
        {
            _slots[i] = new Broadcast();
            _slots[i].Clear();
        }
    }

    /// <summary>The slots (free ones included).</summary>
    public Broadcast[] Slots => _slots;

    /// <summary>The broadcast that has the chain, or null.</summary>
    public Broadcast Active { get; private set; }

    /// <summary>The program runner.</summary>
    public ProgramRunner Runner => _runner;

    /// <summary>The handled-broadcast log.</summary>
    public HandledLog Handled => _log;

    /// <summary>While true (local stop switch held) nothing may sound: new broadcasts fail at once.</summary>
    public bool Inhibited { get; set; }

    /// <summary>Broadcasts held (any status).</summary>
    public int HeldCount
    {
        get
        {
            int n = 0;
            for (int i = 0; i < SlotCount; i++)
            {
                n += _slots[i].IsFree ? 0 : 1;
            }

            return n;
        }
    }

    /// <summary>The held broadcast with <paramref name="id"/>, or null.</summary>
    public Broadcast Find(string id)
    {
        for (int i = 0; i < SlotCount; i++)
        {
            if (!_slots[i].IsFree && _slots[i].Id == id)
            {
                return _slots[i];
            }
        }

        return null;
    }

    /// <summary>
    /// A free slot for a broadcast of <paramref name="priority"/>. When all are taken, the least
    /// important waiting one gives way ("preempted", reason queue_full) if it is below the newcomer;
    /// otherwise null. The active one never gives way here: preemption is decided in Tick.
    /// </summary>
    public Broadcast Allocate(int priority, long nowMs)
    {
        Broadcast weakest = null;
        for (int i = 0; i < SlotCount; i++)
        {
            Broadcast s = _slots[i];
            if (s.IsFree)
            {
                return s;
            }

            if (s != Active && (weakest == null || s.Priority < weakest.Priority || (s.Priority == weakest.Priority && s.Order > weakest.Order)))
            {
                weakest = s;
            }
        }

        if (weakest == null || weakest.Priority >= priority)
        {
            return null;
        }

        Finish(weakest, BroadcastState.Preempted, BroadcastReason.QueueFull, nowMs);
        return weakest;
    }

    /// <summary>
    /// Takes on <paramref name="b"/> (already in its slot): reports "received" and holds it until
    /// Tick decides; while <see cref="Inhibited"/> it fails at once (stopped locally).
    /// </summary>
    public void Admit(Broadcast b, long nowMs)
    {
        b.Priority = Priority.Of(b);
        b.Order = NextOrder();
        b.Status = SlotStatus.Waiting;
        b.WaitingOwed = true;
        _report.State(b, BroadcastState.Received, null);
        if (Inhibited)
        {
            Finish(b, BroadcastState.Failed, BroadcastReason.StoppedLocally, nowMs);
            return;
        }

        Persist();
    }

    /// <summary>
    /// Replaces held <paramref name="held"/> by its newer version <paramref name="update"/>: the
    /// old version is reported cancelled (superseded), the new one received; if it was sounding it
    /// starts over with the new content. It keeps its place in line.
    /// </summary>
    public void Replace(Broadcast held, Broadcast update, long nowMs)
    {
        _report.State(held, BroadcastState.Cancelled, BroadcastReason.Superseded);
        if (held == Active)
        {
            _runner.Stop(nowMs);
            Active = null;
        }

        long order = held.Order;
        held.CopyFrom(update);
        Admit(held, nowMs);
        held.Order = order;
    }

    /// <summary>Ends <paramref name="b"/> with a final <paramref name="state"/>: silenced, reported, logged, freed.</summary>
    public void Finish(Broadcast b, int state, string reason, long nowMs)
    {
        bool testRan = b == Active && BroadcastKind.IsTest(b.Kind);
        if (b == Active)
        {
            _runner.Stop(nowMs);
            Active = null;
        }

        _report.State(b, state, reason);
        if (testRan)
        {
            BroadcastEvents.TestReport(_report, b, _runner.Program, _chain, state == BroadcastState.Succeeded ? null : (reason ?? BroadcastState.ToText(state)));
        }
        _log.Add(b.Id, b.Seq, b.Kind, b.Mode, state, BroadcastReason.ToCode(reason), UtcOrZero());

        b.Clear();
        Persist();
    }

    /// <summary>Ends everything held (stop switch, console stop) with a failure of <paramref name="reason"/>.</summary>
    public int StopAll(string reason, long nowMs)
    {
        int n = 0;
        if (Active != null)
        {
            Finish(Active, BroadcastState.Failed, reason, nowMs);
            n++;
        }

        for (int i = 0; i < SlotCount; i++)
        {
            if (!_slots[i].IsFree)
            {
                Finish(_slots[i], BroadcastState.Failed, reason, nowMs);
                n++;
            }
        }

        return n;
    }

    /// <summary>The next acceptance number (earlier plays first among equals).</summary>
    public long NextOrder() => ++_order;

    /// <summary>Saves the held set (after any change to it).</summary>
    public void Persist() => _held.Save(_slots, _ruleFiredUtcMs);

    /// <summary>
    /// The earliest time (ms, monotonic) a <see cref="Tick"/> would act without any input: a held
    /// broadcast's validity ending or start coming, the active one reaching its longest activation,
    /// or now for a slot still recovering from a reboot. <see cref="long.MaxValue"/> when none.
    /// </summary>
    public long NextDeadlineMs(long nowMs, bool hasUtc, long utcMs)
    {
        long maxActivationMs = _settings.Get(_settings.MaxActivationS) * 1000L;
        long next = long.MaxValue;
        for (int i = 0; i < SlotCount; i++)
        {
            Broadcast s = _slots[i];
            if (s.IsFree)
            {
                continue;
            }

            if (s.Status == SlotStatus.Recovering)
            {
                // Settled at the next tick once time is trusted; without it, at the grace period's
                // end, looking once a second for the clock to be set meanwhile.
                return hasUtc ? nowMs : IntMath.Min(nowMs + 1000, RebootRecovery.GraceMs);
            }

            long end = Validity.EndsAtMs(s, nowMs, hasUtc, utcMs);
            next = end < next ? end : next;
            if (s == Active)
            {
                long cap = s.ActivatedMs + maxActivationMs;
                next = cap < next ? cap : next;
            }
            else
            {
                long start = Validity.StartsAtMs(s, nowMs, hasUtc, utcMs);
                next = start > nowMs && start < next ? start : next;
            }
        }

        return next;
    }

    /// <summary>Checks validity, picks what sounds, runs it and reports its progress.</summary>
    public void Tick(long nowMs, bool hasUtc, long utcMs)
    {
        long maxActivationMs = _settings.Get(_settings.MaxActivationS) * 1000L;
        Broadcast best = null;
        for (int i = 0; i < SlotCount; i++)
        {
            Broadcast s = _slots[i];
            if (s.IsFree)
            {
                continue;
            }

            if (s.Status == SlotStatus.Recovering)
            {
                RebootRecovery.Tick(this, s, nowMs, hasUtc, utcMs);
            }
            else if (Validity.IsExpired(s, nowMs, hasUtc, utcMs))
            {
                Finish(s, BroadcastState.Expired, null, nowMs);
            }
            else if (s == Active && nowMs - s.ActivatedMs >= maxActivationMs)
            {
                Finish(s, BroadcastState.Expired, BroadcastReason.MaxDuration, nowMs);
            }
            else if (s != Active && Validity.HasStarted(s, nowMs, hasUtc, utcMs)
                && (best == null || s.Priority > best.Priority || (s.Priority == best.Priority && s.Order < best.Order)))
            {
                best = s;
            }
        }

        if (best != null && (Active == null || best.Priority > Active.Priority))
        {
            if (Active != null)
            {
                Broadcast preempted = Active;
                _runner.Stop(nowMs);
                Active = null;
                preempted.Status = SlotStatus.Preempted;
                _report.State(preempted, BroadcastState.Preempted, null);
            }

            Activate(best, nowMs);
        }

        ReportOwedWaiting();
        if (Active != null)
        {
            _runner.Tick(nowMs);
            if (_runner.TakeAudioStarted())
            {
                _report.State(Active, BroadcastState.Playing, null);
            }

            if (_runner.IsDone)
            {
                string failure = _runner.FailReason;
                Finish(Active, failure == null ? BroadcastState.Succeeded : BroadcastState.Failed, failure, nowMs);
            }
        }

        if (Active == null)
        {
            _chain.Release();
        }
    }

    private void Activate(Broadcast b, long nowMs)
    {
        Active = b;
        b.Status = SlotStatus.Active;
        b.ActivatedMs = nowMs;
        b.WaitingOwed = false;
        BroadcastSettings s = _settings;
        _chain.WarmupMs = s.Get(s.WarmupMsIndex);
        _chain.InterlockMs = s.Get(s.InterlockMsIndex);
        _chain.AmpMinMa = s.Get(s.AmpMinMa);
        _runner.LoadMinMa = s.Get(s.LoadMinMa);
        _runner.PilotMinMa = s.Get(s.PilotMinMa);
        _runner.LoadCheckMs = s.Get(s.LoadCheckMs);
        _runner.ClipMaxMs = s.Get(s.ClipMaxS) * 1000L;
        _player.SetVolume(s.Get(s.Volume));
        ProgramBuilder.Build(_runner.Program, b, s, _chain.AllZonesMask);
        _runner.Start();
    }

    private void ReportOwedWaiting()
    {
        for (int i = 0; i < SlotCount; i++)
        {
            Broadcast s = _slots[i];
            if (s.WaitingOwed && s.Status == SlotStatus.Waiting)
            {
                s.WaitingOwed = false;
                _report.State(s, BroadcastState.Waiting, null);
            }
        }
    }

    private long UtcOrZero() => _clock.TryGetUtcMs(out long utc) ? utc : 0;
}
