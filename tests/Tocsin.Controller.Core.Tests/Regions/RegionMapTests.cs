using Tocsin.Controller.Regions;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Regions;

public sealed class RegionMapTests
{
    private readonly RegionMap _map = TestData.SmallMap();

    [Fact]
    public void A_community_is_found_by_id_with_its_street()
    {
        Assert.True(_map.TryGetCommunity("c2", out Community? c));
        Assert.Equal(2000, c.Population);
        Assert.Equal("s1", _map.StreetOf("c2")!.Id);
        Assert.Null(_map.FindCommunity("nope"));
        Assert.Null(_map.StreetOf("nope"));
    }

    [Fact]
    public void A_street_lists_its_communities_and_totals_their_population()
    {
        Assert.Equal(["c1", "c2"], _map.CommunitiesOf("s1").Select(c => c.Id));
        Assert.Equal(3000, _map.PopulationOfStreet("s1"));
        Assert.Equal(3000, _map.PopulationOfStreet("s2"));
        Assert.Empty(_map.CommunitiesOf("nope"));
        Assert.Equal(0, _map.PopulationOfStreet("nope"));
    }

    [Fact]
    public void The_district_population_is_the_sum_of_its_communities()
    {
        Assert.Equal(6000, _map.Population);
        Assert.Equal(4000, _map.PopulationOf(["c1", "c3", "c1", "unknown"]));
    }

    [Fact]
    public void A_district_built_in_code_is_validated_like_a_file()
    {
        var bad = new District("d", "D", [new Street("s", "S", [new Community("s", "dup", 0)])]);
        RegionLoadResult r = RegionMap.Create(bad);
        Assert.False(r.Succeeded);
        Assert.Contains(r.Errors, e => e.Path == "$.district.streets[0].communities[0].id" && e.Message.Contains("duplicate", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.Path == "$.district.streets[0].communities[0].population");
    }
}
