using Tocsin.Controller.Alerts;
using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Rules;

/// <summary>One rule: which evidence, mapped to which hazard and levels, over which area, confirmed how, held how long.</summary>
/// <param name="Id">Rule id (region id rules: a-z 0-9 '-').</param>
/// <param name="Evidence">Depth levels or rain signals.</param>
/// <param name="Hazard">The hazard it proposes.</param>
/// <param name="Levels">Sensor level → warning level; a sensor level without an entry maps to the next lower one that has one.</param>
/// <param name="Scope">Community or street.</param>
/// <param name="Confirm">What confirms a level.</param>
/// <param name="Hold">How long evidence must stay lower before the warning is lowered or ended.</param>
/// <param name="Sensors">Only these sensors feed the rule; null for all.</param>
/// <param name="Clips">Voice clips for the proposed alert.</param>
/// <param name="Siren">Siren for the proposed alert.</param>
/// <param name="Title">Title for the proposed alert, or null for a generated one.</param>
public sealed record WarningRule(
    string Id,
    EvidenceKind Evidence,
    Hazard Hazard,
    IReadOnlyDictionary<SensorLevel, WarningLevel> Levels,
    RuleScope Scope,
    Confirmation Confirm,
    TimeSpan Hold,
    IReadOnlySet<string>? Sensors,
    IReadOnlyList<int> Clips,
    SirenPattern Siren,
    string? Title)
{
    /// <summary>The warning level for an evidence level, or null when it maps to none.</summary>
    public WarningLevel? Map(SensorLevel evidence)
    {
        for (SensorLevel l = evidence; l > SensorLevel.None; l--)
        {
            if (Levels.TryGetValue(l, out WarningLevel w))
            {
                return w;
            }
        }

        return null;
    }
}
