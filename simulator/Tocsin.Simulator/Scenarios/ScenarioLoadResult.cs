using Tocsin.Controller.Regions;
using Tocsin.Controller.Validation;

namespace Tocsin.Simulator.Scenarios;

/// <summary>A parsed scenario with its region map, or every error found.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, RegionMap? Map, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when the scenario can run.</summary>
    public bool Succeeded => Scenario != null && Errors.Count == 0;
}
