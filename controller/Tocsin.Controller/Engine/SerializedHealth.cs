namespace Tocsin.Controller.Engine;

/// <summary>A snapshot's health documents (<see cref="HealthSnapshotWriter"/>; the bytes are its buffers).</summary>
/// <param name="Groups">Each changed group's nodes (<see cref="Health.HealthShard"/>), a <see cref="Health.HealthSnapshot"/> each.</param>
/// <param name="Seen">When every node was last seen: node id to Unix milliseconds.</param>
public sealed record SerializedHealth(IReadOnlyList<(int Group, ReadOnlyMemory<byte> Json)> Groups, ReadOnlyMemory<byte> Seen);
