using System.Diagnostics.CodeAnalysis;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Regions;

/// <summary>
/// A validated district → street → community map with the lookups the controller needs: a community
/// by id, the street of a community, the communities of a street, and population totals. Immutable,
/// so the host can swap in a reloaded map atomically.
/// </summary>
public sealed class RegionMap
{
    private readonly Dictionary<string, Community> _communities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Street> _streets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Street> _streetOfCommunity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _streetPopulation = new(StringComparer.Ordinal);

    private RegionMap(District district, bool isSample, string? note)
    {
        District = district;
        IsSample = isSample;
        Note = note;
        var all = new List<Community>();
        foreach (Street street in district.Streets)
        {
            _streets.Add(street.Id, street);
            long total = 0;
            foreach (Community c in street.Communities)
            {
                _communities.Add(c.Id, c);
                _streetOfCommunity.Add(c.Id, street);
                all.Add(c);
                total += c.Population;
            }

            _streetPopulation.Add(street.Id, total);
            Population += total;
        }

        Communities = all;
    }

    /// <summary>The district.</summary>
    public District District { get; }

    /// <summary>True when the file said its data is illustrative (<c>"sample": true</c>).</summary>
    public bool IsSample { get; }

    /// <summary>The file's note (e.g. where the data came from), or null.</summary>
    public string? Note { get; }

    /// <summary>The streets, in file order.</summary>
    public IReadOnlyList<Street> Streets => District.Streets;

    /// <summary>Every community of the district, in file order.</summary>
    public IReadOnlyList<Community> Communities { get; }

    /// <summary>Residents of the whole district.</summary>
    public long Population { get; }

    /// <summary>Validates <paramref name="district"/> and builds a map, or returns every problem.</summary>
    public static RegionLoadResult Create(District district, bool isSample = false, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(district);
        List<ValidationError> errors = RegionValidator.Validate(district);
        return errors.Count == 0 ? RegionLoadResult.Success(new RegionMap(district, isSample, note)) : RegionLoadResult.Failure(errors);
    }

    /// <summary>True when a community with this id exists.</summary>
    public bool ContainsCommunity(string communityId) => _communities.ContainsKey(communityId);

    /// <summary>The community with this id, if any.</summary>
    public bool TryGetCommunity(string communityId, [NotNullWhen(true)] out Community? community) =>
        _communities.TryGetValue(communityId, out community);

    /// <summary>The community with this id, or null.</summary>
    public Community? FindCommunity(string communityId) => _communities.GetValueOrDefault(communityId);

    /// <summary>The street with this id, or null.</summary>
    public Street? FindStreet(string streetId) => _streets.GetValueOrDefault(streetId);

    /// <summary>The street a community belongs to, or null for an unknown community.</summary>
    public Street? StreetOf(string communityId) => _streetOfCommunity.GetValueOrDefault(communityId);

    /// <summary>The communities of a street (empty for an unknown street).</summary>
    public IReadOnlyList<Community> CommunitiesOf(string streetId) =>
        _streets.TryGetValue(streetId, out Street? s) ? s.Communities : [];

    /// <summary>Residents of a street (0 for an unknown street).</summary>
    public long PopulationOfStreet(string streetId) => _streetPopulation.GetValueOrDefault(streetId);

    /// <summary>Residents of the given communities, each counted once; unknown ids count 0.</summary>
    public long PopulationOf(IEnumerable<string> communityIds)
    {
        ArgumentNullException.ThrowIfNull(communityIds);
        long total = 0;
        foreach (string id in communityIds.Distinct(StringComparer.Ordinal))
        {
            total += _communities.TryGetValue(id, out Community? c) ? c.Population : 0;
        }

        return total;
    }
}
