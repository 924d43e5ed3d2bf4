using System.Diagnostics.CodeAnalysis;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Regions;

/// <summary>
/// Either a complete <see cref="RegionMap"/> or every problem found: a region file with any error
/// loads nothing, so the controller never runs on half a district.
/// </summary>
public sealed class RegionLoadResult
{
    private RegionLoadResult(RegionMap? map, IReadOnlyList<ValidationError> errors)
    {
        Map = map;
        Errors = errors;
    }

    /// <summary>The loaded map; null when there were errors.</summary>
    public RegionMap? Map { get; }

    /// <summary>Every problem, each with its JSON path; empty on success.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when <see cref="Map"/> is set and there are no errors.</summary>
    [MemberNotNullWhen(true, nameof(Map))]
    public bool Succeeded => Map != null;

    internal static RegionLoadResult Success(RegionMap map) => new(map, []);

    internal static RegionLoadResult Failure(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
