namespace Tocsin.Simulator.Deterministic;

/// <summary>When packets arrive: latency and jitter, loss, each connection's TCP order, and the event queue.</summary>
public sealed partial class SimulatedNetwork
{
    private bool Lose()
    {
        if (Conditions.LossRatio > 0 && _random.NextDouble() < Conditions.LossRatio)
        {
            Tally.Lost++;
            return true;
        }

        return false;
    }

    private int Latency() => Conditions.LatencyMs + (Conditions.JitterMs > 0 ? _random.Next(0, Conditions.JitterMs + 1) : 0);

    private long InOrder(SimulatedLink link, bool up)
    {
        // TCP keeps one connection's packets in order: jitter may delay a message, never let it overtake.
        long at = _time.UtcMs + Latency();
        (long lastUp, long lastDown) = link.LastDelivery;
        if (up)
        {
            at = Math.Max(at, lastUp);
            link.LastDelivery = (at, lastDown);
        }
        else
        {
            at = Math.Max(at, lastDown);
            link.LastDelivery = (lastUp, at);
        }

        return at;
    }

    private void Schedule(long delayMs, NetworkEvent e) => Enqueue(_time.UtcMs + delayMs, e);

    private void Enqueue(long atMs, NetworkEvent e) => _events.Enqueue(e, (atMs, _order++));
}
