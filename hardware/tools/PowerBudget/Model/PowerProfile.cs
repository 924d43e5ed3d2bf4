namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>A node's duty-cycle profile (power-profile.json).</summary>
public sealed record PowerProfile(
    string Title,
    BatterySpec Battery,
    IReadOnlyList<RailSpec> Rails,
    SolarSpec Solar,
    IReadOnlyList<StateSpec> States);
