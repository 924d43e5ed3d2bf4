using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Rules;

/// <summary>The rules, and which of their proposals may dispatch on their own.</summary>
/// <param name="Rules">The rules, in file order.</param>
/// <param name="AutoDispatch">Hazard/levels allowed to dispatch automatically; anything else waits for an operator.</param>
public sealed record WarningRuleSet(IReadOnlyList<WarningRule> Rules, IReadOnlyList<AutoDispatchRule> AutoDispatch)
{
    /// <summary>
    /// True when a live proposal of <paramref name="hazard"/> at <paramref name="level"/> may dispatch
    /// without an operator: listed, and not something the approval policy holds for a second person.
    /// </summary>
    public bool MayAutoDispatch(Hazard hazard, WarningLevel level, bool districtWide) =>
        !ApprovalPolicy.NeedsSecondPerson(AlertKind.Live, level, districtWide)
        && AutoDispatch.Any(a => a.Hazard == hazard && a.Levels.Contains(level));
}
