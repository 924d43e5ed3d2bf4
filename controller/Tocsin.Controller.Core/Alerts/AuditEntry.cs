namespace Tocsin.Controller.Alerts;

/// <summary>
/// One line of an alert's audit trail: who did (or tried to do) what, when. Refused attempts are
/// recorded too — someone trying to approve their own live alert is worth knowing about.
/// </summary>
/// <param name="AlertId">The alert.</param>
/// <param name="Version">The alert's version after the action.</param>
/// <param name="Action">What was done or attempted.</param>
/// <param name="ActorId">Who.</param>
/// <param name="At">When.</param>
/// <param name="Refused">True when the action was refused.</param>
/// <param name="Detail">Human-readable detail (the refusal reason, the new level, ...).</param>
public sealed record AuditEntry(string AlertId, int Version, AuditAction Action, string ActorId, DateTimeOffset At, bool Refused, string Detail);
