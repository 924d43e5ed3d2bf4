using System.Diagnostics.CodeAnalysis;

namespace Tocsin.Controller.Health;

/// <summary>The outcome of acknowledging an alarm.</summary>
/// <param name="Alarm">The alarm after it (null when unknown).</param>
/// <param name="Refusal">Why it was refused, or null.</param>
public sealed record AlarmAcknowledgement(OperatorAlarm? Alarm, string? Refusal)
{
    /// <summary>True when acknowledged now.</summary>
    [MemberNotNullWhen(true, nameof(Alarm))]
    public bool Succeeded => Refusal == null && Alarm != null;
}
