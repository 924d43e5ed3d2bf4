using Tocsin.Controller.Regions;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Alerts;

/// <summary>
/// An alert: what, where, how severe, its content and validity, and where it is in its life. Immutable:
/// every action (in Alert.Lifecycle.cs) returns an <see cref="AlertTransition"/> carrying the new alert,
/// never throws for a refused action, and names why it refused. The host stores each new alert and
/// its audit entry; properties are init-only so a stored alert can be read back as it was.
/// </summary>
public sealed partial record Alert
{
    /// <summary>Highest version: command ids "{id}.v{version}.cancel" must fit the firmware's 48 characters.</summary>
    public const int MaxVersion = 999;

    /// <summary>Alert id.</summary>
    public required string Id { get; init; }

    /// <summary>1 when created; one more per applied update.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Live or drill; never changes.</summary>
    public required AlertKind Kind { get; init; }

    /// <summary>What it warns of; never changes.</summary>
    public required Hazard Hazard { get; init; }

    /// <summary>Current level.</summary>
    public required WarningLevel Level { get; init; }

    /// <summary>Where it goes, as named.</summary>
    public required AlertTarget Target { get; init; }

    /// <summary>The communities it reaches, resolved when created; never changes (updates go to the same speakers).</summary>
    public required IReadOnlyList<string> CommunityIds { get; init; }

    /// <summary>True when it reaches every community of the district.</summary>
    public bool IsDistrictWide { get; init; }

    /// <summary>Current content.</summary>
    public required AlertMessage Message { get; init; }

    /// <summary>Start of validity (the creation time when none was asked for).</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>End of validity.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Where it is in its life.</summary>
    public AlertState State { get; init; }

    /// <summary>Operator, rule or CAP.</summary>
    public AlertSource Source { get; init; }

    /// <summary>The rule key or CAP identifier it came from.</summary>
    public string? SourceRef { get; init; }

    /// <summary>Who created it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who approved it (or its latest update), if anyone.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>When it was approved.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>When the current version was dispatched.</summary>
    public DateTimeOffset? DispatchedAt { get; init; }

    /// <summary>Who ended it (cancel, all-clear; "system" for expiry).</summary>
    public string? EndedBy { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>A change of a dispatched alert waiting for a second person, or null.</summary>
    public AlertUpdate? PendingUpdate { get; init; }

    /// <summary>Who asked for <see cref="PendingUpdate"/>.</summary>
    public string? PendingUpdateBy { get; init; }

    /// <summary>True in Cancelled, AllClear and Expired.</summary>
    public bool IsFinal => State is AlertState.Cancelled or AlertState.AllClear or AlertState.Expired;

    /// <summary>True while nodes may be sounding or holding it: dispatched and not past its validity.</summary>
    public bool IsOnAir(DateTimeOffset now) => State == AlertState.Dispatched && now < ExpiresAt;

    /// <summary>The signed command's mode, from <see cref="Kind"/> alone.</summary>
    public string CommandMode => AlertKinds.CommandMode(Kind);

    /// <summary>
    /// Creates a draft from <paramref name="draft"/> by <paramref name="creator"/>: validates the id, the
    /// content against what nodes accept, the validity window, and resolves the targets against
    /// <paramref name="map"/>. Returns every problem at once when refused.
    /// </summary>
    public static AlertTransition Create(AlertDraft draft, Actor creator, RegionMap map, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(creator);
        ArgumentNullException.ThrowIfNull(map);
        var errors = new List<ValidationError>();
        if (!AlertIds.IsValid(draft.Id))
        {
            errors.Add(new ValidationError(JsonPath.Member(JsonPath.Root, "id"), "must be 1-32 characters of A-Z, a-z, 0-9, '_' and '-'"));
        }

        if (!Enum.IsDefined(draft.Kind) || !Enum.IsDefined(draft.Hazard) || !Enum.IsDefined(draft.Level))
        {
            errors.Add(new ValidationError(JsonPath.Root, "kind, hazard and level must be known values"));
        }

        AlertValidator.CheckMessage(draft.Message, errors);
        DateTimeOffset starts = draft.StartsAt ?? now;
        AlertValidator.CheckWindow(starts, draft.ExpiresAt, now, errors);
        TargetResolution resolved = draft.Target == null
            ? new TargetResolution([], false, [new ValidationError(JsonPath.Member(JsonPath.Root, "target"), "is required")])
            : draft.Target.Resolve(map);
        errors.AddRange(resolved.Errors);
        if (errors.Count > 0)
        {
            return AlertTransition.Refused(null, null, RefusalCode.InvalidInput, "the alert is not valid: " + string.Join("; ", errors), errors);
        }

        var alert = new Alert
        {
            Id = draft.Id,
            Kind = draft.Kind,
            Hazard = draft.Hazard,
            Level = draft.Level,
            Target = draft.Target!,
            CommunityIds = resolved.CommunityIds,
            IsDistrictWide = resolved.IsDistrictWide,
            Message = draft.Message,
            StartsAt = starts,
            ExpiresAt = draft.ExpiresAt,
            State = AlertState.Draft,
            Source = draft.Source,
            SourceRef = draft.SourceRef,
            CreatedBy = creator.Id,
            CreatedAt = now,
        };
        string detail = AlertKinds.ToText(alert.Kind) + " " + Hazards.ToText(alert.Hazard) + " level " + WarningLevels.ToText(alert.Level)
            + " for " + alert.CommunityIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " communities"
            + (ApprovalPolicy.NeedsSecondPerson(alert) ? "; needs a second person's approval" : string.Empty);
        return AlertTransition.Done(alert, AlertEffect.None, alert.AuditOf(AuditAction.Create, creator, now, false, detail));
    }

    private AuditEntry AuditOf(AuditAction action, Actor actor, DateTimeOffset at, bool refused, string detail) =>
        new(Id, Version, action, actor.Id, at, refused, detail);
}
