namespace Tocsin.Controller.Coverage;

/// <summary>The district's figures against the plan.</summary>
/// <param name="DistrictPopulation">Residents of the district.</param>
/// <param name="HealthyCoveredPopulation">Σ covered population of healthy speakers.</param>
/// <param name="TerminalCoverage">Healthy speakers' covered population over the district population.</param>
/// <param name="WarningReach">An alert's reached population over the residents it targeted (the district, for district-wide alerts).</param>
/// <param name="ReportsOnTime">On-time reports over all reports.</param>
public sealed record DistrictScorecard(
    long DistrictPopulation,
    long HealthyCoveredPopulation,
    TargetMeasure TerminalCoverage,
    TargetMeasure WarningReach,
    TargetMeasure ReportsOnTime);
