namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>
/// Battery sizing inputs: the standby time to cover, and the margins that turn needed energy into
/// a rated capacity (usable depth of discharge, capacity left at the coldest expected temperature,
/// capacity left at end of life).
/// </summary>
public sealed record BatterySpec(
    string Chemistry,
    double NominalV,
    double StandbyH,
    double DepthOfDischarge,
    double TemperatureFactor,
    double AgingFactor,
    IReadOnlyList<double> StandardAh,
    string StandardNote);
