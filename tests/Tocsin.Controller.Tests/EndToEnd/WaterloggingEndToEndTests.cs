using System.Text.Json;
using Tocsin.Controller.Tests.Support;
using Tocsin.Simulator.Nodes;
using Xunit;

namespace Tocsin.Controller.Tests.EndToEnd;

/// <summary>
/// The whole chain over real MQTT: a sensor node's readings cross a depth level, the controller's
/// rule proposes and (for level IV waterlogging) dispatches a warning, the community's speakers
/// play it and report, and coverage shows who was reached. Run on each database the controller can use.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WaterloggingEndToEndTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Water_at_an_underpass_becomes_a_warning_played_by_every_speaker_of_the_community(string database)
    {
        string? connection = database == "postgres" ? await postgres.CreateDatabaseAsync() : null;
        await using ControllerFixture controller = await ControllerFixture.StartAsync(postgresConnectionString: connection);
        await using var rig = new DistrictRig(controller);
        VirtualSensorNode sensor = await rig.AddSensorAsync("sn-kaiyuan-01-underpass", "kaiyuan-01");
        VirtualBroadcastNode east = await rig.AddSpeakerAsync("bn-kaiyuan-01-east", "kaiyuan-01", 1200);
        VirtualBroadcastNode west = await rig.AddSpeakerAsync("bn-kaiyuan-01-west", "kaiyuan-01", 900);
        DistrictRig.With(sensor, () => sensor.Type("config set report.fast_period_s 10"));
        rig.Start();

        await Eventually.TrueAsync(async () => (await controller.GetAsync("/api/nodes/state")).EnumerateArray().Count(n => n.GetProperty("online").GetBoolean()) == 3,
            TimeSpan.FromSeconds(30), "all three nodes online");

        DistrictRig.With(sensor, () => sensor.WaterDepthMm = 160);
        JsonElement alert = await Eventually.GetAsync(async () =>
        {
            JsonElement alerts = await controller.GetAsync("/api/alerts");
            return alerts.EnumerateArray().Where(a => a.GetProperty("state").GetString() == "dispatched").Select(a => (JsonElement?)a).FirstOrDefault() is { } a ? (object)a : null;
        }, TimeSpan.FromSeconds(90), "a dispatched waterlogging alert") is JsonElement found ? found : default;

        Assert.Equal("waterlogging", alert.GetProperty("hazard").GetString());
        Assert.Equal("live", alert.GetProperty("kind").GetString());
        string id = alert.GetProperty("id").GetString()!;

        JsonElement coverage = await Eventually.GetAsync(async () =>
        {
            JsonElement c = await controller.GetAsync("/api/alerts/" + id + "/coverage");
            return c.GetProperty("district").GetProperty("reachedPopulation").GetInt64() == 2100 ? (object)c : null;
        }, TimeSpan.FromSeconds(120), "both speakers reporting they played") is JsonElement cov ? cov : default;

        Assert.Equal(2100, coverage.GetProperty("district").GetProperty("targetedPopulation").GetInt64());
        Assert.True(east.AmpRelay.SwitchCount > 0, "the east speaker's amplifier never switched on");
        Assert.True(west.AmpRelay.SwitchCount > 0, "the west speaker's amplifier never switched on");
    }
}
