using Tocsin.Firmware.BroadcastNode.Audio;
using Tocsin.Firmware.BroadcastNode.Persistence;
using Tocsin.Firmware.BroadcastNode.Reporting;
using Tocsin.Firmware.Runtime;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.BroadcastNode.Scheduling;

/// <summary>
/// The broadcast node's command kinds: "broadcast", "cancel", "allclear" and "test"
/// (docs/broadcast-node.md). Each checks its mode and body, then hands the scheduler a held
/// broadcast, an update of one, or something to stop. The modes never mix: a live command cannot
/// update a drill broadcast nor a drill a live one, and a drill can stop only drills and tests.
/// </summary>
public sealed class BroadcastCommands
{
    private readonly BroadcastScheduler _scheduler;
    private readonly BroadcastSettings _settings;
    private readonly BroadcastReporter _report;
    private readonly HandledLog _log;
    private readonly CommandBody _body = new CommandBody();
    private readonly Broadcast _incoming = new Broadcast();

    /// <summary>Creates the handler.</summary>
    public BroadcastCommands(BroadcastScheduler scheduler, BroadcastSettings settings, BroadcastReporter report)
    {
        _scheduler = scheduler;
        _settings = settings;
        _report = report;
        _log = scheduler.Handled;
    }

    /// <summary>How many times a local rule's siren-and-clip sequence plays.</summary>
    public const int LocalRepeat = 2;

    /// <summary>How long a local activation may wait for its turn before it expires, ms.</summary>
    public const long LocalValidityMs = 15L * 60 * 1000;

    /// <summary>Zones in use (for checking "zones").</summary>
    public int AllZonesMask { get; set; } = 3;

    /// <summary>True for the kinds handled here.</summary>
    public static bool IsOwnKind(string kind) => kind == "broadcast" || kind == "cancel" || kind == "allclear" || kind == "test";

    /// <summary>True when acting on <paramref name="c"/> needs trusted time: live activations.</summary>
    public static bool NeedsTrustedTime(VerifiedCommand c) => c.Mode == CommandMode.Live && (c.Kind == "broadcast" || c.Kind == "allclear");

    /// <summary>Handles one verified command of an own kind.</summary>
    public void Handle(VerifiedCommand c, long nowMs, bool hasUtc, long utcMs)
    {
        if (!_body.Parse(c.Payload, c.BodyStart, c.BodyLength))
        {
            _report.Rejected(c, BroadcastReason.Malformed, _body.Error);
            return;
        }

        switch (c.Kind)
        {
            case "broadcast":
                Warning(c, nowMs, hasUtc, utcMs);
                break;
            case "allclear":
                AllClear(c, nowMs, hasUtc, utcMs);
                break;
            case "cancel":
                Cancel(c, nowMs);
                break;
            default:
                Test(c, nowMs, hasUtc, utcMs);
                break;
        }
    }

    private void Warning(VerifiedCommand c, long nowMs, bool hasUtc, long utcMs)
    {
        CommandBody body = _body;
        if (c.Mode != CommandMode.Live && c.Mode != CommandMode.Drill)
        {
            _report.Rejected(c, BroadcastReason.WrongMode, "a broadcast is live or drill; tests use kind \"test\"");
            return;
        }

        int siren = body.Siren == SirenPattern.Unknown ? SirenPattern.None : body.Siren;
        if (body.Level == AlertLevel.Unknown || (siren == SirenPattern.None && body.ClipCount <= 0))
        {
            _report.Rejected(c, BroadcastReason.Malformed, "a broadcast needs \"level\" and a siren or clips");
            return;
        }

        Broadcast b = Start(c, BroadcastKind.Warning, body.Level);
        b.Siren = siren;
        b.SirenMs = (body.SirenS > 0 ? body.SirenS : _settings.Get(_settings.SirenS)) * 1000;
        b.Repeat = body.Repeat > 0 ? body.Repeat : 1;
        Admit(c, b, nowMs, hasUtc, utcMs);
    }

    private void AllClear(VerifiedCommand c, long nowMs, bool hasUtc, long utcMs)
    {
        CommandBody body = _body;
        if (c.Mode != CommandMode.Live && c.Mode != CommandMode.Drill)
        {
            _report.Rejected(c, BroadcastReason.WrongMode, "an all-clear is live or drill");
            return;
        }

        Broadcast ended = body.TargetId == null ? null : _scheduler.Find(body.TargetId);
        if (ended != null && ended.Mode != c.Mode)
        {
            _report.Rejected(c, BroadcastReason.ModeConflict, "all-clear and broadcast " + body.TargetId + " differ in mode");
            return;
        }

        Broadcast b = Start(c, BroadcastKind.AllClear, body.Level == AlertLevel.Unknown ? (ended == null ? AlertLevel.Info : ended.Level) : body.Level);
        if (body.ZoneMask == 0 && ended != null)
        {
            b.ZoneMask = ended.ZoneMask;
        }

        if (ended != null)
        {
            _scheduler.Finish(ended, BroadcastState.Cancelled, BroadcastReason.AllClear, nowMs);
        }
        else if (body.TargetId != null && _log.Find(body.TargetId) < 0)
        {
            Tombstone(body.TargetId, c.Mode);
        }

        Admit(c, b, nowMs, hasUtc, utcMs);
    }

    private void Test(VerifiedCommand c, long nowMs, bool hasUtc, long utcMs)
    {
        if (c.Mode != CommandMode.Test)
        {
            _report.Rejected(c, BroadcastReason.WrongMode, "tests must be sent in test mode");
            return;
        }

        if (_body.TestKind < 0)
        {
            _report.Rejected(c, BroadcastReason.Malformed, "a test needs \"type\": silent or growl");
            return;
        }

        Admit(c, Start(c, _body.TestKind, AlertLevel.Info), nowMs, hasUtc, utcMs);
    }

    private void Cancel(VerifiedCommand c, long nowMs)
    {
        CommandBody body = _body;
        if (body.All)
        {
            int n = 0;
            Broadcast[] slots = _scheduler.Slots;
            for (int i = 0; i < slots.Length; i++)
            {
                if (!slots[i].IsFree && Priority.MayStop(c.Mode, slots[i].Mode))
                {
                    _scheduler.Finish(slots[i], BroadcastState.Cancelled, BroadcastReason.Cancel, nowMs);
                    n++;
                }
            }

            _report.Done(c, null, "cancelled " + n.ToString());
            return;
        }

        if (body.TargetId == null)
        {
            _report.Rejected(c, BroadcastReason.Malformed, "a cancel needs \"broadcast\" or \"all\": true");
            return;
        }

        Broadcast target = _scheduler.Find(body.TargetId);
        if (target != null)
        {
            if (!Priority.MayStop(c.Mode, target.Mode))
            {
                _report.Rejected(c, BroadcastReason.ModeConflict, CommandMode.ToText(c.Mode) + " cancel cannot stop a " + CommandMode.ToText(target.Mode) + " broadcast");
                return;
            }

            _scheduler.Finish(target, BroadcastState.Cancelled, BroadcastReason.Cancel, nowMs);
            _report.Done(c, null, null);
            return;
        }

        if (_log.Find(body.TargetId) >= 0)
        {
            _report.Done(c, null, "already finished");
            return;
        }

        // It may still be on its way (commands overtake each other): remember the cancel, so the
        // broadcast is refused when it arrives instead of sounding.
        Tombstone(body.TargetId, c.Mode);
        _report.Done(c, BroadcastReason.NotFound, null);
    }

    /// <summary>
    /// Starts a local activation (a rule's warning, or a test from the console or the test button):
    /// no command behind it, results go out as events. Returns the admitted broadcast's content
    /// (valid until the next call), or null when no slot could take it.
    /// </summary>
    public Broadcast StartLocal(int kind, int level, int clip, int rule, long nowMs, bool hasUtc, long utcMs)
    {
        Broadcast b = _incoming;
        b.Clear();
        b.Id = "local-" + (rule >= 0 ? "r" + (rule + 1).ToString() : "test") + "-" + (hasUtc ? (utcMs / 1000).ToString() : "u" + (nowMs / 1000).ToString());
        b.Local = true;
        b.Rule = rule;
        b.Kind = kind;
        b.Mode = BroadcastKind.IsTest(kind) ? CommandMode.Test : CommandMode.Live;
        b.Level = level;
        if (kind == BroadcastKind.Warning)
        {
            b.Siren = SirenPattern.Wail;
            b.SirenMs = _settings.Get(_settings.SirenS) * 1000;
            b.Clips[0] = clip;
            b.ClipCount = 1;
            b.Repeat = LocalRepeat;
        }

        b.StartMonoMs = nowMs;
        b.EndMonoMs = nowMs + LocalValidityMs;
        b.Priority = Priority.Of(b);
        Broadcast slot = _scheduler.Allocate(b.Priority, nowMs);
        if (slot == null)
        {
            return null;
        }

        slot.CopyFrom(b);
        _scheduler.Admit(slot, nowMs);
        return b;
    }

    private Broadcast Start(VerifiedCommand c, int kind, int level)
    {
        Broadcast b = _incoming;
        b.Clear();
        b.Id = c.Id;
        b.Seq = c.Seq;
        b.Kind = kind;
        b.Mode = c.Mode;
        b.Level = level;
        b.Hazard = _body.Hazard;
        b.ZoneMask = _body.ZoneMask;
        int clips = _body.ClipCount > 0 ? _body.ClipCount : 0;
        System.Array.Copy(_body.Clips, b.Clips, clips);
        b.ClipCount = clips;
        return b;
    }

    private void Admit(VerifiedCommand c, Broadcast b, long nowMs, bool hasUtc, long utcMs)
    {
        if (b.ZoneMask != 0 && (b.ZoneMask & AllZonesMask) == 0)
        {
            _report.Rejected(c, BroadcastReason.Malformed, "\"zones\" names no zone this node has");
            return;
        }

        string window = Validity.SetWindow(b, c, _body.StartUtcMs, _body.ExpiresUtcMs, nowMs, hasUtc, utcMs);
        if (window != null)
        {
            _report.Rejected(c, BroadcastReason.Malformed, window);
            return;
        }

        b.Priority = Priority.Of(b);
        Broadcast held = _scheduler.Find(c.Id);
        if (held != null)
        {
            string conflict = held.Mode != c.Mode ? BroadcastReason.ModeConflict : (c.Seq < held.Seq ? BroadcastReason.Outdated : null);
            if (conflict != null)
            {
                _report.Rejected(c, conflict, "held as " + CommandMode.ToText(held.Mode) + " version " + held.Seq.ToString());
                return;
            }

            _scheduler.Replace(held, b, nowMs);
            return;
        }

        int logged = _log.Find(c.Id);
        if (logged >= 0 && (_log.ReasonAt(logged) != BroadcastReason.ToCode(BroadcastReason.NotFound) || Priority.MayStop(_log.ModeAt(logged), c.Mode)))
        {
            _report.Rejected(c, BroadcastReason.AlreadyHandled, BroadcastState.ToText(_log.StateAt(logged)));
            return;
        }

        Broadcast slot = _scheduler.Allocate(b.Priority, nowMs);
        if (slot == null)
        {
            _report.Rejected(c, BroadcastReason.QueueFull, null);
            return;
        }

        slot.CopyFrom(b);
        _scheduler.Admit(slot, nowMs);
    }

    private void Tombstone(string id, int mode) =>
        _log.Add(id, 0, BroadcastKind.Warning, mode, BroadcastState.Cancelled, BroadcastReason.ToCode(BroadcastReason.NotFound), 0);
}
