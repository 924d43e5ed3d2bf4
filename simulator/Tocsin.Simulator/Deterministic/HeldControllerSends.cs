namespace Tocsin.Simulator.Deterministic;

/// <summary>What one controller round sent, in order, kept off the wire until the round is retired.</summary>
public sealed class HeldControllerSends
{
    internal List<HeldSend> Items { get; } = [];

    /// <summary>Sends held.</summary>
    public int Count => Items.Count;
}
