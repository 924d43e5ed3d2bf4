namespace Tocsin.Controller.Alerts;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    /// <summary>Created as a draft.</summary>
    Create,

    /// <summary>Submitted for a second person's approval.</summary>
    Submit,

    /// <summary>Approved (an alert, or a pending update of one).</summary>
    Approve,

    /// <summary>Approval declined; back to draft, or the pending update dropped.</summary>
    Reject,

    /// <summary>Sent to the nodes.</summary>
    Dispatch,

    /// <summary>A change stored, waiting for approval.</summary>
    RequestUpdate,

    /// <summary>A new version applied and re-dispatched.</summary>
    Update,

    /// <summary>Cancelled.</summary>
    Cancel,

    /// <summary>All-clear sent.</summary>
    AllClear,

    /// <summary>Expired.</summary>
    Expire,
}
