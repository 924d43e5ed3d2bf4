using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Health;

/// <summary>A notification the host delivers (console, sound, message).</summary>
/// <param name="Alarm">The alarm, as of the notification.</param>
/// <param name="Reason">Raised, repeat or escalation.</param>
/// <param name="Audience">Lowest role to notify: Operator (everyone on duty) or Approver (approvers and admins, after escalation).</param>
/// <param name="At">When.</param>
public sealed record AlarmNotification(OperatorAlarm Alarm, NotificationReason Reason, OperatorRole Audience, DateTimeOffset At);
