using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Rules;

/// <summary>Where a rule's warning for one area stands (part of <see cref="RuleEngineSnapshot"/>).</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="AreaId">The community or street.</param>
/// <param name="Level">The level in force; null for none.</param>
/// <param name="LowerSince">Since when the evidence has been below <paramref name="Level"/>, or null.</param>
/// <param name="HeldMax">The highest level the evidence showed since <paramref name="LowerSince"/> (null: none).</param>
public sealed record RuleAreaState(string RuleId, string AreaId, WarningLevel? Level, DateTimeOffset? LowerSince, WarningLevel? HeldMax);
