namespace Tocsin.Simulator.Reports;

/// <summary>What the simulated network did.</summary>
public sealed record NetworkSummary(long FromNodes, long ToNodes, long Delivered, long Lost, long Undeliverable, long RefusedByAcl, long Connects, long ConnectsRefused, long Wills);
