namespace Tocsin.Simulator.Deterministic;

/// <summary>How the simulated network treats every message right now (faults change these).</summary>
public sealed class NetworkConditions
{
    /// <summary>One-way latency, ms.</summary>
    public int LatencyMs { get; set; } = 20;

    /// <summary>Extra random latency, 0 to this many ms (messages on one connection keep their order).</summary>
    public int JitterMs { get; set; } = 10;

    /// <summary>
    /// Share of messages lost, 0-1: what a flaky cellular or Wi-Fi path does to an application once
    /// its connection drops mid-flight. Each side's own protocol (outbox resends, command resends)
    /// must make up for it.
    /// </summary>
    public double LossRatio { get; set; }

    /// <summary>False while the broker is down (restarting, or the controller with it).</summary>
    public bool BrokerUp { get; set; } = true;
}
