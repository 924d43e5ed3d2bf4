using System.Diagnostics.CodeAnalysis;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Alerts;

/// <summary>
/// The outcome of an alert action: the alert after it (unchanged when refused), what the host must
/// send, the audit entry to store, and — when refused — a code and a sentence saying why.
/// </summary>
public sealed class AlertTransition
{
    private AlertTransition(Alert? alert, AlertEffect effect, AuditEntry? audit, RefusalCode? refusal, string? reason, IReadOnlyList<ValidationError> errors)
    {
        Alert = alert;
        Effect = effect;
        Audit = audit;
        Refusal = refusal;
        Reason = reason;
        Errors = errors;
    }

    /// <summary>The alert after the action; unchanged when refused; null only when creation was refused.</summary>
    public Alert? Alert { get; }

    /// <summary>What to send now.</summary>
    public AlertEffect Effect { get; }

    /// <summary>The audit entry to store (null only when creation was refused: there is no alert to file it under).</summary>
    public AuditEntry? Audit { get; }

    /// <summary>Why it was refused; null on success.</summary>
    public RefusalCode? Refusal { get; }

    /// <summary>The refusal as a sentence; null on success.</summary>
    public string? Reason { get; }

    /// <summary>Input problems, for <see cref="RefusalCode.InvalidInput"/>.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when the action was carried out.</summary>
    [MemberNotNullWhen(true, nameof(Alert))]
    [MemberNotNullWhen(true, nameof(Audit))]
    public bool Succeeded => Refusal == null;

    internal static AlertTransition Done(Alert alert, AlertEffect effect, AuditEntry audit) => new(alert, effect, audit, null, null, []);

    internal static AlertTransition Refused(Alert? alert, AuditEntry? audit, RefusalCode code, string reason, IReadOnlyList<ValidationError>? errors = null) =>
        new(alert, AlertEffect.None, audit, code, reason, errors ?? []);
}
