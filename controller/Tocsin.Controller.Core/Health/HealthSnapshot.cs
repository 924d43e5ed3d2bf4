namespace Tocsin.Controller.Health;

/// <summary>A <see cref="NodeHealthTracker"/>'s state as plain data.</summary>
/// <param name="Nodes">Every tracked node.</param>
public sealed record HealthSnapshot(IReadOnlyList<NodeHealth> Nodes);
