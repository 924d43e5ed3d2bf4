namespace Tocsin.Controller.Alerts;

/// <summary>Why a transition was refused, for the API's problem details.</summary>
public enum RefusalCode
{
    /// <summary>The input is invalid; <see cref="AlertTransition.Errors"/> lists every problem.</summary>
    InvalidInput,

    /// <summary>The alert is not in a state that allows this.</summary>
    WrongState,

    /// <summary>The actor's role does not allow this (e.g. an operator approving).</summary>
    RoleNotAllowed,

    /// <summary>The second person must not be the one who created or changed the alert.</summary>
    SamePerson,

    /// <summary>This alert needs a second person's approval before it may be dispatched.</summary>
    ApprovalRequired,

    /// <summary>The alert's validity has ended (or, for expiry, has not ended yet).</summary>
    Expired,

    /// <summary>There is nothing waiting for approval.</summary>
    NothingToApprove,
}
