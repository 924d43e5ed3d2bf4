using Tocsin.Controller.Alerts;

namespace Tocsin.Simulator.Scenarios;

/// <summary>A person acting in a scenario.</summary>
/// <param name="Id">Operator id (audit trail).</param>
/// <param name="Role">Operator, approver or admin.</param>
public sealed record ScenarioOperator(string Id, OperatorRole Role);
