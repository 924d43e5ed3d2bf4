using Tocsin.Controller.Nodes;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Nodes;

public sealed class NodeRegistrarTests
{
    private readonly RegionMap _map = TestData.SmallMap();

    [Fact]
    public void A_valid_broadcast_node_is_registered_not_revoked_at_the_given_time()
    {
        var reg = new NodeRegistration("bn-c1-north", NodeKind.Broadcast, "c1", new GeoPoint(24.9, 118.59), "market gate", 600);
        NodeRegistrationResult r = NodeRegistrar.Register(reg, _map, [], FakeClock.Start);
        Assert.True(r.Succeeded, string.Join("\n", r.Errors));
        Assert.Equal("bn-c1-north", r.Node.Id);
        Assert.False(r.Node.Revoked);
        Assert.Equal(FakeClock.Start, r.Node.CreatedAt);
        Assert.True(r.Node.IsActiveSpeaker);
    }

    [Theory]
    [InlineData("sn-0001", NodeKind.Broadcast)]
    [InlineData("bn-0001", NodeKind.Sensor)]
    [InlineData("bn-", NodeKind.Broadcast)]
    [InlineData("bn-UPPER", NodeKind.Broadcast)]
    [InlineData("bn-12345678901234567890123456789", NodeKind.Broadcast)]
    [InlineData("xx-0001", NodeKind.Broadcast)]
    public void Ids_must_match_the_pattern_and_the_kind(string id, NodeKind kind)
    {
        var reg = new NodeRegistration(id, kind, "c1", CoveredPopulation: kind == NodeKind.Broadcast ? 10 : 0);
        NodeRegistrationResult r = NodeRegistrar.Register(reg, _map, [], FakeClock.Start);
        ValidationAssert.Single(r.Errors, "$.id", "must match");
    }

    [Fact]
    public void The_longest_allowed_id_has_28_characters_after_the_prefix()
    {
        Assert.True(NodeIds.IsValid("bn-" + new string('a', 28), NodeKind.Broadcast));
        Assert.False(NodeIds.IsValid("bn-" + new string('a', 29), NodeKind.Broadcast));
    }

    [Fact]
    public void An_unknown_community_is_refused()
    {
        NodeRegistrationResult r = NodeRegistrar.Register(new NodeRegistration("sn-1", NodeKind.Sensor, "c9"), _map, [], FakeClock.Start);
        ValidationAssert.Single(r.Errors, "$.communityId", "not a community");
    }

    [Fact]
    public void Ids_are_never_reused_even_after_revocation()
    {
        NodeRecord revoked = TestData.Speaker("bn-1", "c1", 10, revoked: true);
        NodeRegistrationResult r = NodeRegistrar.Register(new NodeRegistration("bn-1", NodeKind.Broadcast, "c1", CoveredPopulation: 10), _map, [revoked], FakeClock.Start);
        ValidationAssert.Single(r.Errors, "$.id", "already registered");
    }

    [Fact]
    public void Broadcast_nodes_of_a_community_cannot_cover_more_residents_than_it_has()
    {
        NodeRecord[] existing = [TestData.Speaker("bn-1", "c1", 600), TestData.Speaker("bn-2", "c1", 300)];
        NodeRegistrationResult r = NodeRegistrar.Register(new NodeRegistration("bn-3", NodeKind.Broadcast, "c1", CoveredPopulation: 101), _map, existing, FakeClock.Start);
        ValidationAssert.Single(r.Errors, "$.coveredPopulation", "1001");
        Assert.True(NodeRegistrar.Register(new NodeRegistration("bn-3", NodeKind.Broadcast, "c1", CoveredPopulation: 100), _map, existing, FakeClock.Start).Succeeded);
    }

    [Fact]
    public void Revoked_speakers_no_longer_count_against_the_community_population()
    {
        NodeRecord[] existing = [TestData.Speaker("bn-1", "c1", 1000, revoked: true)];
        Assert.True(NodeRegistrar.Register(new NodeRegistration("bn-2", NodeKind.Broadcast, "c1", CoveredPopulation: 1000), _map, existing, FakeClock.Start).Succeeded);
    }

    [Fact]
    public void A_sensor_covers_nobody_and_a_speaker_covers_somebody()
    {
        Assert.Contains(NodeRegistrar.Register(new NodeRegistration("sn-1", NodeKind.Sensor, "c1", CoveredPopulation: 5), _map, [], FakeClock.Start).Errors, e => e.Path == "$.coveredPopulation");
        Assert.Contains(NodeRegistrar.Register(new NodeRegistration("bn-1", NodeKind.Broadcast, "c1", CoveredPopulation: 0), _map, [], FakeClock.Start).Errors, e => e.Path == "$.coveredPopulation");
    }

    [Fact]
    public void Locations_out_of_range_are_refused()
    {
        var reg = new NodeRegistration("sn-1", NodeKind.Sensor, "c1", new GeoPoint(91, 0));
        ValidationAssert.Single(NodeRegistrar.Register(reg, _map, [], FakeClock.Start).Errors, "$.location", "latitude");
    }

    [Fact]
    public void Checking_a_node_set_after_a_region_change_reports_every_over_covered_or_orphaned_community()
    {
        NodeRecord[] nodes = [TestData.Speaker("bn-1", "c1", 800), TestData.Speaker("bn-2", "c1", 800), TestData.Sensor("sn-1", "gone"), TestData.Speaker("bn-3", "c3", 10)];
        var errors = NodeRegistrar.CheckAgainst(_map, nodes);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Path == "$.nodes['sn-1']");
        Assert.Contains(errors, e => e.Path == "$.communities.c1" && e.Message.Contains("1600", StringComparison.Ordinal));
    }
}
