namespace Tocsin.Simulator.Scenarios;

/// <summary>
/// How the duty room answers warnings the rules propose but may not send alone: after
/// <paramref name="RespondAfterMinutes"/> the operator submits and dispatches, and the approver
/// approves when a second person is needed.
/// </summary>
/// <param name="Operator">Operator id.</param>
/// <param name="Approver">Approver id.</param>
/// <param name="RespondAfterMinutes">Minutes from proposal to action.</param>
public sealed record DutyPolicy(string Operator, string Approver, double RespondAfterMinutes);
