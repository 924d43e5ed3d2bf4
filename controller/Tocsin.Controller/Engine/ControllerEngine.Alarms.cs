using Tocsin.Controller.Alerts;
using Tocsin.Controller.Health;

namespace Tocsin.Controller.Engine;

/// <summary>How operator alarms about alerts end, and when closed alarms leave memory (run on the engine loop).</summary>
public sealed partial class ControllerEngine
{
    /// <summary>How long an alarm that was acknowledged and whose condition ended stays in memory and in snapshots.</summary>
    public static readonly TimeSpan ClosedAlarmsKeptFor = TimeSpan.FromHours(24);

    private const string ProposalAlarmPrefix = "proposal:";

    /// <summary>Every alarm kept, open and closed (closed ones for <see cref="ClosedAlarmsKeptFor"/>): what a snapshot holds.</summary>
    public IReadOnlyList<OperatorAlarm> AlarmsKept() => _alarms.All;

    private static string ProposalAlarmKey(string alertId) => ProposalAlarmPrefix + alertId;

    // A rule's proposal needs a person while its alert waits for one: to be submitted, approved or
    // dispatched, or a pending update approved. Once nothing waits (it is on air, by a person or
    // automatically, or it ended, or its validity ran out before anyone sent it) the alarm stops
    // repeating and stays listed until acknowledged, as every alarm does. Before, it nagged until
    // acknowledged even after the warning it announced had been dispatched.
    private static bool WaitsForAPerson(Alert alert, DateTimeOffset now) =>
        alert.State is AlertState.Draft or AlertState.PendingApproval or AlertState.Approved
            ? now < alert.ExpiresAt
            : alert.PendingUpdate != null && alert.State == AlertState.Dispatched;

    private void ResolveProposalAlarm(Alert alert, DateTimeOffset now)
    {
        if (!WaitsForAPerson(alert, now) && _alarms.Resolve(ProposalAlarmKey(alert.Id), now) != null)
        {
            _dirty = true;
        }
    }

    // Once a minute: proposals that stopped waiting without a transition (validity run out while
    // pending, or alarms restored from a snapshot taken before their alerts ended).
    private void ResolveSettledProposalAlarms(DateTimeOffset now)
    {
        foreach (OperatorAlarm alarm in _alarms.Open.Where(a => a.ResolvedAt == null && a.Key.StartsWith(ProposalAlarmPrefix, StringComparison.Ordinal)).ToList())
        {
            if (!_alerts.TryGetValue(alarm.Key[ProposalAlarmPrefix.Length..], out Alert? alert) || !WaitsForAPerson(alert, now))
            {
                _alarms.Resolve(alarm.Key, now);
                _dirty = true;
            }
        }
    }

    // Once a minute: alarms acknowledged and ended a day ago are dropped, so a long-running controller's
    // board (and every snapshot of it) holds what operators may still look into, not every alarm since it started.
    private void PruneClosedAlarms(DateTimeOffset now)
    {
        if (_alarms.Prune(now - ClosedAlarmsKeptFor) > 0)
        {
            _dirty = true;
        }
    }
}
