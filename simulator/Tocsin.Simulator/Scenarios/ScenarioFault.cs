namespace Tocsin.Simulator.Scenarios;

/// <summary>A fault injected at a moment of the scenario.</summary>
/// <param name="AtMinute">Scenario minute it starts.</param>
/// <param name="Type">What breaks.</param>
/// <param name="DurationMinutes">How long it lasts (0 for momentary faults).</param>
/// <param name="Targets">Target selectors: "all", "sensors", "speakers", "node:ID", "community:ID", "street:ID".</param>
/// <param name="Amount">The fault's size where it has one: loss percent, latency ms, skew seconds, drift mm, downtime seconds, drain share left.</param>
/// <param name="Mode">The fault's variant where it has one (sensor: silent, stuck, drift; relay: amp, zone1..).</param>
/// <param name="Index">Position in the file (for messages and the report).</param>
public sealed record ScenarioFault(double AtMinute, FaultType Type, double DurationMinutes, IReadOnlyList<string> Targets, double Amount, string? Mode, int Index);
