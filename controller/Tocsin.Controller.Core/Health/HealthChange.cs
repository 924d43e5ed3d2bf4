namespace Tocsin.Controller.Health;

/// <summary>One health change.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Detail">The fault name, or the offline cause.</param>
/// <param name="At">When it was noticed.</param>
public sealed record HealthChange(string NodeId, HealthChangeKind Kind, string Detail, DateTimeOffset At);
