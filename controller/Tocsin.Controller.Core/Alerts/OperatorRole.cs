namespace Tocsin.Controller.Alerts;

/// <summary>What a signed-in person may do.</summary>
public enum OperatorRole
{
    /// <summary>Creates, dispatches (when no second person is needed), updates, cancels and clears alerts.</summary>
    Operator,

    /// <summary>Everything an operator does, and approves other people's alerts.</summary>
    Approver,

    /// <summary>Everything, including approving.</summary>
    Admin,
}
