namespace Tocsin.Controller.Health;

/// <summary>How unacknowledged alarms nag.</summary>
/// <param name="RepeatEvery">Re-notify this often while unacknowledged.</param>
/// <param name="EscalateAfter">After this long unacknowledged, notify approvers too.</param>
public sealed record AlarmPolicy(TimeSpan RepeatEvery, TimeSpan EscalateAfter)
{
    /// <summary>Every 5 minutes, escalating after 15.</summary>
    public static AlarmPolicy Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15));
}
