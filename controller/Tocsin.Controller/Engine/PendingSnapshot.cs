namespace Tocsin.Controller.Engine;

/// <summary>
/// A periodic snapshot taken at one moment: its alarms already serialized, its per-node documents
/// being serialized off the engine loop, to be written at <paramref name="WriteAtMs"/>.
/// </summary>
/// <param name="PerNode">The sequences and health documents (the writers' own buffers).</param>
/// <param name="Taken">The alarms document, as it stood at that moment (it follows health).</param>
/// <param name="WriteAtMs">When the engine writes it (its monotonic ms), waiting for the per-node documents if need be.</param>
/// <param name="HealthChanged">The nodes whose changed health it took: marked changed again if it is not written.</param>
internal sealed record PendingSnapshot(
    Task<(ReadOnlyMemory<byte> Sequences, SerializedHealth Health)> PerNode,
    IReadOnlyList<(string Name, ReadOnlyMemory<byte> Json)> Taken,
    long WriteAtMs,
    IReadOnlyList<string> HealthChanged);
