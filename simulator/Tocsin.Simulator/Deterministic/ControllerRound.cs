using Tocsin.Controller.Mqtt;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// One controller round of a deterministic run: the slot it belongs to, what the network delivered
/// to the controller before it, and, once it has run, what it sent and what it tells the run, both
/// held until the run retires it.
/// </summary>
/// <param name="SlotMs">Run time of its slot; the controller's clock reads this during the round.</param>
/// <param name="Inbound">Messages delivered to the controller since the round before, in delivery order.</param>
public sealed record ControllerRound(long SlotMs, List<InboundMessage> Inbound)
{
    /// <summary>What the controller sent during the round, in order.</summary>
    public HeldControllerSends Sends { get; } = new();

    /// <summary>What the round tells the run (commits, warnings), in order.</summary>
    public List<Action> Effects { get; } = [];
}
