using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Alerts;

/// <summary>The actions on an alert. Each returns the new alert (or the same one with the reason it refused) and an audit entry.</summary>
public sealed partial record Alert
{
    /// <summary>Draft → PendingApproval. Anyone may ask for a second person, also when the policy does not require one.</summary>
    public AlertTransition Submit(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State != AlertState.Draft)
        {
            return Refuse(AuditAction.Submit, by, now, RefusalCode.WrongState, "only a draft can be submitted for approval; this alert is " + State);
        }

        return Done(this with { State = AlertState.PendingApproval }, AlertEffect.None, AuditAction.Submit, by, now, "waiting for a second person");
    }

    /// <summary>
    /// PendingApproval → Approved; or, on a dispatched alert with a pending update, applies the update
    /// (new version, re-dispatched). The approver must be an approver or admin and not the author.
    /// </summary>
    public AlertTransition Approve(Actor approver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approver);
        bool pendingUpdate = State == AlertState.Dispatched && PendingUpdate != null;
        if (State != AlertState.PendingApproval && !pendingUpdate)
        {
            return Refuse(AuditAction.Approve, approver, now, RefusalCode.NothingToApprove, "nothing waits for approval; this alert is " + State);
        }

        string author = pendingUpdate ? PendingUpdateBy ?? CreatedBy : CreatedBy;
        if (ApprovalPolicy.CheckApprover(approver, author) is var (code, reason))
        {
            return Refuse(AuditAction.Approve, approver, now, code, reason);
        }

        if (now >= ExpiresAt)
        {
            return Refuse(AuditAction.Approve, approver, now, RefusalCode.Expired, "the alert expired at " + ExpiresAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (pendingUpdate)
        {
            return ApplyUpdate(PendingUpdate!, approver, now, approvedBy: approver);
        }

        return Done(this with { State = AlertState.Approved, ApprovedBy = approver.Id, ApprovedAt = now }, AlertEffect.None, AuditAction.Approve, approver, now, "approved");
    }

    /// <summary>
    /// Declines approval: PendingApproval → Draft, or drops a pending update. An approver or admin may
    /// decline; the author may withdraw their own.
    /// </summary>
    public AlertTransition Reject(Actor by, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        bool pendingUpdate = State == AlertState.Dispatched && PendingUpdate != null;
        if (State != AlertState.PendingApproval && !pendingUpdate)
        {
            return Refuse(AuditAction.Reject, by, now, RefusalCode.NothingToApprove, "nothing waits for approval; this alert is " + State);
        }

        string author = pendingUpdate ? PendingUpdateBy ?? CreatedBy : CreatedBy;
        if (!by.MayApprove && by.Id != author)
        {
            return Refuse(AuditAction.Reject, by, now, RefusalCode.RoleNotAllowed, "only an approver, an admin or the author may decline");
        }

        Alert next = pendingUpdate ? this with { PendingUpdate = null, PendingUpdateBy = null } : this with { State = AlertState.Draft };
        return Done(next, AlertEffect.None, AuditAction.Reject, by, now, "declined: " + reason);
    }

    /// <summary>
    /// Sends the alert: Approved → Dispatched, or Draft → Dispatched when the policy needs no second
    /// person. Refused while its validity has ended or when it would outlast the nodes' 24 h limit from now.
    /// </summary>
    public AlertTransition Dispatch(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State == AlertState.PendingApproval || (State == AlertState.Draft && ApprovalPolicy.NeedsSecondPerson(this)))
        {
            return Refuse(AuditAction.Dispatch, by, now, RefusalCode.ApprovalRequired,
                "a live level " + WarningLevels.ToText(Level) + (IsDistrictWide ? " district-wide" : string.Empty) + " alert needs a second person's approval first");
        }

        if (State is not (AlertState.Draft or AlertState.Approved))
        {
            return Refuse(AuditAction.Dispatch, by, now, RefusalCode.WrongState, "only a draft or an approved alert can be dispatched; this alert is " + State);
        }

        if (now >= ExpiresAt)
        {
            return Refuse(AuditAction.Dispatch, by, now, RefusalCode.Expired, "the alert's validity has ended");
        }

        if (ExpiresAt - now > AlertValidator.MaxValidity)
        {
            return Refuse(AuditAction.Dispatch, by, now, RefusalCode.InvalidInput, "it would be valid for more than 24 hours from now, which nodes refuse; dispatch it later or shorten it");
        }

        return Done(this with { State = AlertState.Dispatched, DispatchedAt = now }, AlertEffect.Broadcast, AuditAction.Dispatch, by, now,
            "dispatched as " + CommandMode + " to " + CommunityIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " communities");
    }

    /// <summary>
    /// Changes a dispatched alert. When the changed alert needs no second person, the update applies at
    /// once (new version, re-dispatched to the same targets); otherwise it waits as
    /// <see cref="PendingUpdate"/> for <see cref="Approve"/>, while the current version stays on air.
    /// A newer update replaces a pending one.
    /// </summary>
    public AlertTransition Update(Actor by, AlertUpdate update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(update);
        if (State != AlertState.Dispatched)
        {
            return Refuse(AuditAction.Update, by, now, RefusalCode.WrongState, "only a dispatched alert can be updated; this alert is " + State);
        }

        if (now >= ExpiresAt)
        {
            return Refuse(AuditAction.Update, by, now, RefusalCode.Expired, "the alert's validity has ended; create a new alert");
        }

        if (Version >= MaxVersion)
        {
            return Refuse(AuditAction.Update, by, now, RefusalCode.WrongState, "the alert has reached 999 versions; create a new alert");
        }

        var errors = new List<ValidationError>();
        if (update.Message != null)
        {
            AlertValidator.CheckMessage(update.Message, errors);
        }

        DateTimeOffset expires = update.ExpiresAt ?? ExpiresAt;
        AlertValidator.CheckWindow(now, expires, now, errors);
        if (update.Level is WarningLevel l && !Enum.IsDefined(l))
        {
            errors.Add(new ValidationError(JsonPath.Member(JsonPath.Root, "level"), "must be a known level"));
        }

        if (errors.Count > 0)
        {
            return Refuse(AuditAction.Update, by, now, RefusalCode.InvalidInput, "the update is not valid: " + string.Join("; ", errors), errors);
        }

        if (ApprovalPolicy.NeedsSecondPerson(Kind, update.Level ?? Level, IsDistrictWide))
        {
            return Done(this with { PendingUpdate = update, PendingUpdateBy = by.Id }, AlertEffect.None, AuditAction.RequestUpdate, by, now,
                "update to level " + WarningLevels.ToText(update.Level ?? Level) + " waits for a second person");
        }

        return ApplyUpdate(update, by, now, approvedBy: null);
    }

    /// <summary>
    /// Cancels the alert in any state that is not final: any operator, one action, no approval. When it
    /// was dispatched, nodes are told to stop (<see cref="AlertEffect.Cancel"/>).
    /// </summary>
    public AlertTransition Cancel(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (IsFinal)
        {
            return Refuse(AuditAction.Cancel, by, now, RefusalCode.WrongState, "the alert has already ended (" + State + ")");
        }

        AlertEffect effect = State == AlertState.Dispatched ? AlertEffect.Cancel : AlertEffect.None;
        return Done(this with { State = AlertState.Cancelled, EndedBy = by.Id, EndedAt = now, PendingUpdate = null, PendingUpdateBy = null }, effect,
            AuditAction.Cancel, by, now, effect == AlertEffect.Cancel ? "cancelled on air" : "cancelled before dispatch");
    }

    /// <summary>Ends a dispatched alert with the all-clear played on its speakers. Any operator.</summary>
    public AlertTransition AllClear(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State != AlertState.Dispatched)
        {
            return Refuse(AuditAction.AllClear, by, now, RefusalCode.WrongState, "only a dispatched alert can be cleared; this alert is " + State);
        }

        return Done(this with { State = AlertState.AllClear, EndedBy = by.Id, EndedAt = now, PendingUpdate = null, PendingUpdateBy = null },
            AlertEffect.AllClear, AuditAction.AllClear, by, now, "all-clear");
    }

    /// <summary>Marks the alert expired once its validity has ended (nodes stop on their own at "exp").</summary>
    public AlertTransition Expire(DateTimeOffset now)
    {
        if (IsFinal)
        {
            return Refuse(AuditAction.Expire, Actor.System, now, RefusalCode.WrongState, "the alert has already ended (" + State + ")");
        }

        if (now < ExpiresAt)
        {
            return Refuse(AuditAction.Expire, Actor.System, now, RefusalCode.Expired, "the alert is still valid");
        }

        return Done(this with { State = AlertState.Expired, EndedBy = Actor.System.Id, EndedAt = now, PendingUpdate = null, PendingUpdateBy = null },
            AlertEffect.None, AuditAction.Expire, Actor.System, now, "validity ended");
    }

    private AlertTransition ApplyUpdate(AlertUpdate update, Actor by, DateTimeOffset now, Actor? approvedBy)
    {
        Alert next = this with
        {
            Version = Version + 1,
            Level = update.Level ?? Level,
            Message = update.Message ?? Message,
            ExpiresAt = update.ExpiresAt ?? ExpiresAt,
            DispatchedAt = now,
            ApprovedBy = approvedBy?.Id ?? ApprovedBy,
            ApprovedAt = approvedBy == null ? ApprovedAt : now,
            PendingUpdate = null,
            PendingUpdateBy = null,
        };
        string detail = "version " + next.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", level " + WarningLevels.ToText(next.Level)
            + (approvedBy == null ? string.Empty : ", approved by " + approvedBy.Id);
        return Done(next, AlertEffect.BroadcastUpdate, approvedBy == null ? AuditAction.Update : AuditAction.Approve, by, now, detail);
    }

    private static AlertTransition Done(Alert next, AlertEffect effect, AuditAction action, Actor by, DateTimeOffset now, string detail) =>
        AlertTransition.Done(next, effect, next.AuditOf(action, by, now, false, detail));

    private AlertTransition Refuse(AuditAction action, Actor by, DateTimeOffset now, RefusalCode code, string reason, IReadOnlyList<ValidationError>? errors = null) =>
        AlertTransition.Refused(this, AuditOf(action, by, now, true, reason), code, reason, errors);
}
