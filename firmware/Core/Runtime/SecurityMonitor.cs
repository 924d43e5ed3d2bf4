using Tocsin.Firmware.Delivery;
using Tocsin.Firmware.Diagnostics;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Security;

namespace Tocsin.Firmware.Runtime;

/// <summary>
/// Counts refused commands by reason and reports them without letting an attacker flood the node:
/// at most one log line per <see cref="LogIntervalMs"/> and one "security" event to the controller
/// per <see cref="EventIntervalMs"/>, carrying the counts since the last one.
/// </summary>
public sealed class SecurityMonitor
{
    /// <summary>Least time between two log lines about refused commands.</summary>
    public const long LogIntervalMs = 10000;

    /// <summary>Least time between two security events.</summary>
    public const long EventIntervalMs = 60000;

    private readonly LogRing _log;
    private long _lastLogMs = -LogIntervalMs;
    private long _lastEventMs = -EventIntervalMs;
    private int _suppressed;
    private bool _eventDue;
    private int _malformed;
    private int _badMac;
    private int _replayed;
    private int _retained;
    private int _other;

    /// <summary>Creates a monitor logging to <paramref name="log"/>.</summary>
    public SecurityMonitor(LogRing log)
    {
        _log = log;
    }

    /// <summary>Refusals since boot.</summary>
    public int TotalRejected { get; private set; }

    /// <summary>Refusals for a bad MAC since boot.</summary>
    public int BadMacTotal { get; private set; }

    /// <summary>Refusals as replays (seen or too old) since boot.</summary>
    public int ReplayTotal { get; private set; }

    /// <summary>Retained commands ignored since boot.</summary>
    public int RetainedTotal { get; private set; }

    /// <summary>Malformed commands since boot.</summary>
    public int MalformedTotal { get; private set; }

    /// <summary>Counts one refusal.</summary>
    public void Count(string reason, string detail, long nowMs)
    {
        TotalRejected++;
        if (reason == CommandRejection.BadMac)
        {
            _badMac++;
            BadMacTotal++;
        }
        else if (reason == CommandRejection.Replayed || reason == CommandRejection.TooOld)
        {
            _replayed++;
            ReplayTotal++;
        }
        else if (reason == CommandRejection.Retained)
        {
            _retained++;
            RetainedTotal++;
        }
        else if (reason == CommandRejection.Malformed || reason == CommandRejection.UnsupportedVersion)
        {
            _malformed++;
            MalformedTotal++;
        }
        else
        {
            _other++;
        }

        // Replays are mostly honest redeliveries; only the others are worth an event.
        if (reason != CommandRejection.Replayed)
        {
            _eventDue = true;
        }

        if (nowMs - _lastLogMs >= LogIntervalMs)
        {
            _lastLogMs = nowMs;
            string more = _suppressed > 0 ? " (+" + _suppressed.ToString() + " not logged)" : string.Empty;
            _suppressed = 0;
            _log.Warn("auth", "command refused: " + reason + (detail == null ? string.Empty : " (" + detail + ")") + more);
        }
        else
        {
            _suppressed++;
        }
    }

    /// <summary>When the pending security event goes out (monotonic ms); <see cref="long.MaxValue"/> with none pending.</summary>
    public long NextEventMs => _eventDue ? _lastEventMs + EventIntervalMs : long.MaxValue;

    /// <summary>Sends the pending security event when its interval allows.</summary>
    public void Tick(long nowMs, NodeRuntime runtime)
    {
        if (!_eventDue || nowMs - _lastEventMs < EventIntervalMs)
        {
            return;
        }

        _eventDue = false;
        _lastEventMs = nowMs;
        JsonWriter w = runtime.Outbox.Begin(OutboxStream.Event);
        runtime.WriteTime(w);
        w.Property("up", runtime.UptimeMs);
        w.Property("type", "security");
        w.Property("bad_mac", _badMac);
        w.Property("malformed", _malformed);
        w.Property("replayed", _replayed);
        w.Property("retained", _retained);
        w.Property("other", _other);
        runtime.Outbox.Commit();
        _badMac = 0;
        _malformed = 0;
        _replayed = 0;
        _retained = 0;
        _other = 0;
    }
}
