using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Health;

/// <summary>
/// Operator alarms that cannot be missed: each repeats every <see cref="AlarmPolicy.RepeatEvery"/> while
/// unacknowledged, and after <see cref="AlarmPolicy.EscalateAfter"/> goes to approvers as well. One
/// open alarm per key, so a node flapping offline does not bury the console. An alarm whose condition
/// clears stops nagging but stays listed until acknowledged. Time is an input; call <see cref="Due"/>
/// periodically. Not thread-safe.
/// </summary>
public sealed class AlarmBoard
{
    private readonly AlarmPolicy _policy;
    private readonly List<OperatorAlarm> _alarms = [];
    private long _nextId = 1;

    /// <summary>Creates a board.</summary>
    public AlarmBoard(AlarmPolicy? policy = null)
    {
        _policy = policy ?? AlarmPolicy.Default;
    }

    /// <summary>Alarms that are unacknowledged or whose condition persists, oldest first.</summary>
    public IReadOnlyList<OperatorAlarm> Open => _alarms.Where(a => a.IsUnacknowledged || a.ResolvedAt == null).ToList();

    /// <summary>Every alarm kept.</summary>
    public IReadOnlyList<OperatorAlarm> All => _alarms.ToList();

    /// <summary>Restores a board from <see cref="Export"/>.</summary>
    public static AlarmBoard FromSnapshot(AlarmSnapshot snapshot, AlarmPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var board = new AlarmBoard(policy) { _nextId = snapshot.NextId };
        board._alarms.AddRange(snapshot.Alarms);
        return board;
    }

    /// <summary>The whole state.</summary>
    public AlarmSnapshot Export() => new(_nextId, _alarms.ToList());

    /// <summary>
    /// Raises an alarm for <paramref name="key"/> and returns its first notification; null when an alarm
    /// for the key is already raised and its condition has not cleared.
    /// </summary>
    public AlarmNotification? Raise(string key, string message, string? nodeId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_alarms.Exists(a => a.Key == key && a.ResolvedAt == null))
        {
            return null;
        }

        var alarm = new OperatorAlarm(_nextId++, key, message, nodeId, now, now, 1, null, null, null, null);
        _alarms.Add(alarm);
        return new AlarmNotification(alarm, NotificationReason.Raised, OperatorRole.Operator, now);
    }

    /// <summary>Marks the condition behind <paramref name="key"/> cleared: the alarm stops nagging. Returns it, or null.</summary>
    public OperatorAlarm? Resolve(string key, DateTimeOffset now)
    {
        int i = _alarms.FindIndex(a => a.Key == key && a.ResolvedAt == null);
        if (i < 0)
        {
            return null;
        }

        _alarms[i] = _alarms[i] with { ResolvedAt = now };
        return _alarms[i];
    }

    /// <summary>Acknowledges alarm <paramref name="id"/>: any operator may; repeats and escalation stop.</summary>
    public AlarmAcknowledgement Acknowledge(long id, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        int i = _alarms.FindIndex(a => a.Id == id);
        if (i < 0)
        {
            return new AlarmAcknowledgement(null, "no alarm " + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!_alarms[i].IsUnacknowledged)
        {
            return new AlarmAcknowledgement(_alarms[i], "already acknowledged by " + _alarms[i].AcknowledgedBy);
        }

        _alarms[i] = _alarms[i] with { AcknowledgedBy = by.Id, AcknowledgedAt = now };
        return new AlarmAcknowledgement(_alarms[i], null);
    }

    /// <summary>The repeats and escalations due at <paramref name="now"/> (each alarm at most once per call).</summary>
    public IReadOnlyList<AlarmNotification> Due(DateTimeOffset now)
    {
        var due = new List<AlarmNotification>();
        for (int i = 0; i < _alarms.Count; i++)
        {
            OperatorAlarm a = _alarms[i];
            if (!a.IsNagging)
            {
                continue;
            }

            NotificationReason? reason = a.EscalatedAt == null && now - a.RaisedAt >= _policy.EscalateAfter ? NotificationReason.Escalation
                : now - a.LastNotifiedAt >= _policy.RepeatEvery ? NotificationReason.Repeat
                : null;
            if (reason is not NotificationReason r)
            {
                continue;
            }

            a = a with
            {
                LastNotifiedAt = now,
                Notifications = a.Notifications + 1,
                EscalatedAt = r == NotificationReason.Escalation ? now : a.EscalatedAt,
            };
            _alarms[i] = a;
            due.Add(new AlarmNotification(a, r, a.EscalatedAt == null ? OperatorRole.Operator : OperatorRole.Approver, now));
        }

        return due;
    }

    /// <summary>Drops alarms acknowledged and resolved before <paramref name="before"/> (the host keeps acknowledgements in its audit trail).</summary>
    public int Prune(DateTimeOffset before) =>
        _alarms.RemoveAll(a => a.AcknowledgedAt < before && a.ResolvedAt < before);
}
