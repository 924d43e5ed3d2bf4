namespace Tocsin.Controller.Rules;

/// <summary>A <see cref="WarningRuleEngine"/>'s state as plain data, so hold timers and confirmations survive a restart.</summary>
/// <param name="Sensors">Per rule and sensor, the latest readings.</param>
/// <param name="Areas">Per rule and area, the level in force and its hold timer.</param>
public sealed record RuleEngineSnapshot(IReadOnlyList<RuleSensorState> Sensors, IReadOnlyList<RuleAreaState> Areas);
