namespace Tocsin.Controller.Health;

/// <summary>An alarm shown to operators until someone acknowledges it.</summary>
/// <param name="Id">Board-assigned id.</param>
/// <param name="Key">What it is about ("offline:bn-0007"); one open alarm per key.</param>
/// <param name="Message">What operators read.</param>
/// <param name="NodeId">The node concerned, if any.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="LastNotifiedAt">When operators were last notified.</param>
/// <param name="Notifications">Notifications so far.</param>
/// <param name="EscalatedAt">When it was escalated to approvers, or null.</param>
/// <param name="AcknowledgedBy">Who acknowledged it, or null.</param>
/// <param name="AcknowledgedAt">When.</param>
/// <param name="ResolvedAt">When its condition cleared (e.g. the node came back), or null.</param>
public sealed record OperatorAlarm(
    long Id,
    string Key,
    string Message,
    string? NodeId,
    DateTimeOffset RaisedAt,
    DateTimeOffset LastNotifiedAt,
    int Notifications,
    DateTimeOffset? EscalatedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt)
{
    /// <summary>True until acknowledged.</summary>
    public bool IsUnacknowledged => AcknowledgedAt == null;

    /// <summary>True while it still nags: unacknowledged and its condition not cleared.</summary>
    public bool IsNagging => AcknowledgedAt == null && ResolvedAt == null;
}
