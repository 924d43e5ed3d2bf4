namespace Tocsin.Simulator.Reports;

/// <summary>One injected fault and what it did.</summary>
/// <param name="Index">Position in the scenario file.</param>
/// <param name="Type">Fault type.</param>
/// <param name="AtMinute">Start.</param>
/// <param name="DurationMinutes">Length (0 for momentary).</param>
/// <param name="Targets">Selectors.</param>
/// <param name="Nodes">Nodes affected.</param>
/// <param name="Observed">Counts over the fault and the ten minutes after it (on the affected nodes where it has any).</param>
/// <param name="Effect">The counts in words.</param>
public sealed record FaultSummary(int Index, string Type, double AtMinute, double DurationMinutes, IReadOnlyList<string> Targets, int Nodes,
    IReadOnlyDictionary<string, long> Observed, string Effect);
