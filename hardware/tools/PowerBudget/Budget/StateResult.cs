using Tocsin.Hardware.PowerBudget.Model;

namespace Tocsin.Hardware.PowerBudget.Budget;

/// <summary>
/// One state's figures, all on the battery side: current, power at the nominal voltage, charge per
/// day, its share of the day's charge, and each fitted part's battery-side current.
/// </summary>
public sealed record StateResult(
    StateSpec State,
    double HoursPerDay,
    double BatteryMa,
    double PowerW,
    double MahPerDay,
    double ShareOfDay,
    IReadOnlyDictionary<string, double> PartBatteryMa);
