namespace Tocsin.Controller.Alerts;

/// <summary>
/// Who must agree before an alert sounds. A live alert of level I or II, or a live alert for the whole
/// district, needs a second person — an approver or admin who is not the one who created (or, for an
/// update, changed) it. Other alerts, and every drill, may be dispatched by their creator. Cancel is
/// never held back: any operator, one action.
/// </summary>
public static class ApprovalPolicy
{
    /// <summary>True when an alert with these properties needs a second person.</summary>
    public static bool NeedsSecondPerson(AlertKind kind, WarningLevel level, bool districtWide) =>
        kind == AlertKind.Live && (level >= WarningLevel.Orange || districtWide);

    /// <summary>True when <paramref name="alert"/> (as it stands) needs a second person.</summary>
    public static bool NeedsSecondPerson(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return NeedsSecondPerson(alert.Kind, alert.Level, alert.IsDistrictWide);
    }

    /// <summary>
    /// Null when <paramref name="approver"/> may approve something written by <paramref name="authorId"/>;
    /// otherwise the refusal code and its reason.
    /// </summary>
    public static (RefusalCode Code, string Reason)? CheckApprover(Actor approver, string authorId)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (!approver.MayApprove)
        {
            return (RefusalCode.RoleNotAllowed, "only an approver or admin may approve; " + approver.Id + " is an operator");
        }

        if (approver.Id == authorId)
        {
            return (RefusalCode.SamePerson, "a second person must approve: " + approver.Id + " wrote it");
        }

        return null;
    }
}
