using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Rules;

/// <summary>
/// What the rules propose for one area: raise (new or higher), lower, or end a warning. The host turns
/// a first Raise into an alert (<see cref="ToDraft"/>), later ones into updates of it (<see cref="ToUpdate"/>),
/// and End into its all-clear; <see cref="Key"/> ties them together. It dispatches on its own only when
/// <see cref="AutoDispatch"/> is true; otherwise an operator decides.
/// </summary>
/// <param name="Key">"{rule}:{area}": the same for every proposal about this warning.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="Action">Raise, lower or end.</param>
/// <param name="Hazard">The rule's hazard.</param>
/// <param name="Level">The proposed level; null for End.</param>
/// <param name="PreviousLevel">The level before; null for a new warning.</param>
/// <param name="Scope">Community or street.</param>
/// <param name="AreaId">The community or street id.</param>
/// <param name="CommunityIds">The communities to warn.</param>
/// <param name="Evidence">The sensors of the area and their readings.</param>
/// <param name="Kind">Live (drill when the engine runs an exercise).</param>
/// <param name="AutoDispatch">True when it may be dispatched without an operator (never for drills, nor for levels I and II).</param>
/// <param name="Clips">Clips for the alert.</param>
/// <param name="Siren">Siren for the alert.</param>
/// <param name="Title">Title for the alert.</param>
/// <param name="At">When it was proposed.</param>
public sealed record ProposedWarning(
    string Key,
    string RuleId,
    ProposalAction Action,
    Hazard Hazard,
    WarningLevel? Level,
    WarningLevel? PreviousLevel,
    RuleScope Scope,
    string AreaId,
    IReadOnlyList<string> CommunityIds,
    IReadOnlyList<EvidenceItem> Evidence,
    AlertKind Kind,
    bool AutoDispatch,
    IReadOnlyList<int> Clips,
    SirenPattern Siren,
    string Title,
    DateTimeOffset At)
{
    /// <summary>An alert draft for a new warning (a Raise with no current alert), valid until <paramref name="expiresAt"/>.</summary>
    public AlertDraft ToDraft(string alertId, DateTimeOffset expiresAt)
    {
        AlertTarget target = Scope == RuleScope.Street ? AlertTarget.ForStreets(AreaId) : AlertTarget.ForCommunities(AreaId);
        string text = Title + " (" + string.Join(", ", Evidence.Where(e => e.Level > Ingest.SensorLevel.None)
            .Select(e => e.SensorId + " " + Ingest.SensorLevels.ToText(e.Level))) + ")";
        var message = new AlertMessage(Title, text, Clips, Clips.Count == 0 && Siren == SirenPattern.None ? SirenPattern.Wail : Siren);
        return new AlertDraft(alertId, Kind, Hazard, Level ?? WarningLevel.Info, target, message, expiresAt, null, AlertSource.Rule, Key);
    }

    /// <summary>The update for the warning's existing alert (Raise or Lower).</summary>
    public AlertUpdate ToUpdate(DateTimeOffset? expiresAt = null) => new(Level, null, expiresAt);
}
