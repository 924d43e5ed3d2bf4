namespace Tocsin.Controller.Alerts;

/// <summary>Where an alert is in its life. Cancelled, AllClear and Expired are final.</summary>
public enum AlertState
{
    /// <summary>Created, not sent.</summary>
    Draft,

    /// <summary>Waiting for a second person.</summary>
    PendingApproval,

    /// <summary>Approved, ready to dispatch.</summary>
    Approved,

    /// <summary>Sent to the nodes (possibly updated since: see <see cref="Alert.Version"/>).</summary>
    Dispatched,

    /// <summary>Withdrawn; if it was on air, nodes were told to stop.</summary>
    Cancelled,

    /// <summary>Ended with the all-clear played.</summary>
    AllClear,

    /// <summary>Ran out its validity.</summary>
    Expired,
}
