using Tocsin.Controller.Api;

namespace Tocsin.Simulator.Scenarios;

/// <summary>Something a person does at a moment of the scenario.</summary>
/// <param name="AtMinute">Scenario minute.</param>
/// <param name="Kind">What is done.</param>
/// <param name="By">Operator id (alert actions).</param>
/// <param name="AlertRef">The alert acted on: a <c>ref</c> given at creation, or "latest".</param>
/// <param name="Ref">Name for a created alert, for later actions.</param>
/// <param name="Request">A new alert, as the REST API takes it.</param>
/// <param name="Node">The node whose console is used.</param>
/// <param name="Line">The console line typed.</param>
/// <param name="Index">Position in the file (for messages).</param>
public sealed record ScenarioAction(double AtMinute, ScenarioActionKind Kind, string? By, string? AlertRef, string? Ref, AlertRequest? Request, string? Node, string? Line, int Index);
