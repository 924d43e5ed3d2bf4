namespace Tocsin.Simulator.Scenarios;

/// <summary>The network at the start of a run.</summary>
/// <param name="LatencyMs">One-way latency.</param>
/// <param name="JitterMs">Extra random latency up to this.</param>
/// <param name="LossPercent">Messages lost, percent.</param>
public sealed record NetworkSpec(int LatencyMs = 20, int JitterMs = 10, double LossPercent = 0);
