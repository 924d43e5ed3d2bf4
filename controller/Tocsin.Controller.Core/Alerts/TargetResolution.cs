using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Alerts;

/// <summary>An <see cref="AlertTarget"/> resolved against the region map.</summary>
/// <param name="CommunityIds">The communities reached, each once, in region-map order.</param>
/// <param name="IsDistrictWide">True when they are every community of the district, however they were named.</param>
/// <param name="Errors">Unknown or missing ids; empty when resolved.</param>
public sealed record TargetResolution(IReadOnlyList<string> CommunityIds, bool IsDistrictWide, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when there were no errors and at least one community.</summary>
    public bool Succeeded => Errors.Count == 0 && CommunityIds.Count > 0;
}
