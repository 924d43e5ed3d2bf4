namespace Tocsin.Controller.Engine;

/// <summary>
/// A periodic snapshot whose per-node documents are being serialized off the engine loop, from state
/// taken at one moment, to be written at <paramref name="WriteAt"/> (engine time).
/// </summary>
/// <param name="Documents">The sequences and health documents (the writers' own buffers).</param>
/// <param name="WriteAt">When the engine writes them, waiting for them if need be.</param>
internal sealed record PendingSnapshot(Task<(ReadOnlyMemory<byte> Sequences, ReadOnlyMemory<byte> Health)> Documents, DateTimeOffset WriteAt);
