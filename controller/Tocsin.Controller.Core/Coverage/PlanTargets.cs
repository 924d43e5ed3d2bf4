namespace Tocsin.Controller.Coverage;

/// <summary>The district plan's targets (2021-2025 emergency-management plan), as fractions.</summary>
/// <param name="TerminalCoverage">Broadcast terminals reach this share of the population (0.90).</param>
/// <param name="WarningReach">Warnings reach this share of the public (0.92).</param>
/// <param name="ReportsOnTime">This share of reports arrive on time (1.00).</param>
public sealed record PlanTargets(double TerminalCoverage, double WarningReach, double ReportsOnTime)
{
    /// <summary>90 %, 92 %, 100 %.</summary>
    public static PlanTargets District { get; } = new(0.90, 0.92, 1.00);
}
