namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>
/// Solar sizing inputs: design peak-sun-hours, the losses between panel rating and stored energy,
/// and how many days the panel gets to refill a battery emptied by a standby period on top of
/// the daily load.
/// </summary>
public sealed record SolarSpec(
    double PeakSunH,
    double PanelDerate,
    double ControllerEfficiency,
    double ChargeEfficiency,
    double RecoveryDays,
    IReadOnlyList<double> StandardW,
    string Note);
