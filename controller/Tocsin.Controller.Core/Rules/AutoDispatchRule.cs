using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Rules;

/// <summary>A hazard and the levels at which its proposals may be dispatched without an operator.</summary>
/// <param name="Hazard">The hazard.</param>
/// <param name="Levels">Levels allowed (never I or II: those need a second person).</param>
public sealed record AutoDispatchRule(Hazard Hazard, IReadOnlySet<WarningLevel> Levels);
