namespace Tocsin.Controller.Alerts;

/// <summary>What is needed to create an alert.</summary>
/// <param name="Id">Alert id (<see cref="AlertIds"/>; e.g. "a-20261129-0007").</param>
/// <param name="Kind">Live or drill, for good.</param>
/// <param name="Hazard">What it warns of.</param>
/// <param name="Level">Warning level.</param>
/// <param name="Target">Where it goes.</param>
/// <param name="Message">What it says and plays.</param>
/// <param name="ExpiresAt">End of validity (at most 24 h after it starts: nodes refuse longer).</param>
/// <param name="StartsAt">Start of validity; null for "when dispatched".</param>
/// <param name="Source">Operator, rule or CAP.</param>
/// <param name="SourceRef">The rule key or CAP identifier it came from, if any.</param>
public sealed record AlertDraft(
    string Id,
    AlertKind Kind,
    Hazard Hazard,
    WarningLevel Level,
    AlertTarget Target,
    AlertMessage Message,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? StartsAt = null,
    AlertSource Source = AlertSource.Operator,
    string? SourceRef = null);
