namespace Tocsin.Controller.Alerts;

/// <summary>Who performs an action: a signed-in person, or the controller itself (rules, expiry).</summary>
/// <param name="Id">Stable id, recorded in the audit trail.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">Operator, approver or admin.</param>
public sealed record Actor(string Id, string Name, OperatorRole Role)
{
    /// <summary>The controller acting on its own (expiry, rule proposals); an operator, never an approver.</summary>
    public static Actor System { get; } = new("system", "controller", OperatorRole.Operator);

    /// <summary>True for approver and admin.</summary>
    public bool MayApprove => Role is OperatorRole.Approver or OperatorRole.Admin;
}
