namespace Tocsin.Controller.Health;

/// <summary>The standard mapping from health changes to operator alarms: offline and faults raise, recovery resolves.</summary>
public static class HealthAlarms
{
    /// <summary>The alarm key of a change ("offline:bn-0007", "fault:bn-0007:amplifier").</summary>
    public static string KeyFor(HealthChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind is HealthChangeKind.CameOnline or HealthChangeKind.WentOffline
            ? "offline:" + change.NodeId
            : "fault:" + change.NodeId + ":" + change.Detail;
    }

    /// <summary>Raises or resolves the alarm for <paramref name="change"/>; returns the notification to deliver, if any.</summary>
    public static AlarmNotification? Apply(AlarmBoard board, HealthChange change)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(change);
        string key = KeyFor(change);
        switch (change.Kind)
        {
            case HealthChangeKind.WentOffline:
                return board.Raise(key, "node " + change.NodeId + " is offline (" + change.Detail + ")", change.NodeId, change.At);
            case HealthChangeKind.FaultRaised:
                return board.Raise(key, "node " + change.NodeId + " reports fault " + change.Detail, change.NodeId, change.At);
            default:
                board.Resolve(key, change.At);
                return null;
        }
    }
}
