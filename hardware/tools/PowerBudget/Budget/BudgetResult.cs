using Tocsin.Hardware.PowerBudget.Model;

namespace Tocsin.Hardware.PowerBudget.Budget;

/// <summary>A node's computed power budget.</summary>
public sealed record BudgetResult(
    PowerProfile Profile,
    IReadOnlyList<BomLine> Fitted,
    IReadOnlyDictionary<double, double> RailFactors,
    IReadOnlyList<StateResult> States,
    double AverageMa,
    double DailyAh,
    double DailyWh,
    double StandbyAh,
    double RequiredAh,
    double? ChosenAh,
    StateResult PeakState,
    double PeakCRate,
    double RecoveryWhPerDay,
    double PanelWhPerDay,
    double SolarFactor,
    double RequiredPanelW,
    double? ChosenPanelW);
