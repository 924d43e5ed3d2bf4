namespace Tocsin.Controller.Health;

/// <summary>Why operators are being notified.</summary>
public enum NotificationReason
{
    /// <summary>A new alarm.</summary>
    Raised,

    /// <summary>Still unacknowledged.</summary>
    Repeat,

    /// <summary>Unacknowledged for too long: approvers are now told as well.</summary>
    Escalation,
}
