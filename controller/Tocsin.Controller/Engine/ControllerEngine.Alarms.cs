using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Engine;

/// <summary>How operator alarms about alerts end, and when closed alarms leave memory (run on the engine loop).</summary>
public sealed partial class ControllerEngine
{
    /// <summary>How long an alarm that was acknowledged and whose condition ended stays in memory and in snapshots.</summary>
    public static readonly TimeSpan ClosedAlarmsKeptFor = TimeSpan.FromHours(24);

    /// <summary>Every alarm kept, open and closed (closed ones for <see cref="ClosedAlarmsKeptFor"/>): what a snapshot holds.</summary>
    public IReadOnlyList<Health.OperatorAlarm> AlarmsKept() => _alarms.All;

    private static string ProposalAlarmKey(string alertId) => "proposal:" + alertId;

    // A rule's proposal needs nobody any more once a person acted on its alert (approved, dispatched,
    // updated or cancelled it) or the alert ended: its alarm stops repeating then, and stays listed
    // until acknowledged, as every alarm does. Before, it nagged until acknowledged even after an
    // approver had dispatched the warning it announced.
    private void ResolveProposalAlarm(AlertTransition t)
    {
        Alert alert = t.Alert!;
        bool ended = alert.State is AlertState.Cancelled or AlertState.AllClear or AlertState.Expired;
        bool byPerson = t.Audit != null && t.Audit.ActorId != Actor.System.Id;
        if ((ended || byPerson) && _alarms.Resolve(ProposalAlarmKey(alert.Id), t.Audit?.At ?? _time.GetUtcNow()) != null)
        {
            _dirty = true;
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
