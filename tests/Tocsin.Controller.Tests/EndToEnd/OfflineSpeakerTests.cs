using System.Net;
using System.Text.Json;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.EndToEnd;

public sealed class OfflineSpeakerTests
{
    [Fact]
    public async Task A_speaker_that_never_connected_does_not_stop_a_dispatch_and_is_listed_as_silent()
    {
        await using ControllerFixture controller = await ControllerFixture.StartAsync();
        await controller.PostAsync("/api/nodes", new { id = "bn-jinlong-01-a", kind = "broadcast", community = "jinlong-01", coveredPopulation = 500 }, HttpStatusCode.Created);
        JsonElement alert = await controller.PostAsync("/api/alerts", new { kind = "drill", hazard = "flood", level = "IV", scope = "communities", targets = new[] { "jinlong-01" }, title = "Flood drill" }, HttpStatusCode.Created);
        string id = alert.GetProperty("id").GetString()!;

        JsonElement dispatched = await controller.PostAsync("/api/alerts/" + id + "/dispatch", new { });
        Assert.Equal("dispatched", dispatched.GetProperty("state").GetString());
        JsonElement coverage = await controller.GetAsync("/api/alerts/" + id + "/coverage");
        Assert.Equal(0, coverage.GetProperty("district").GetProperty("reachedPopulation").GetInt64());
        Assert.Contains(coverage.GetProperty("silent").EnumerateArray(), s => s.GetProperty("nodeId").GetString() == "bn-jinlong-01-a");

        // Asked again with nothing changed, the figures are the same and the time is the new now.
        await Task.Delay(20);
        JsonElement again = await controller.GetAsync("/api/alerts/" + id + "/coverage");
        Assert.Equal(coverage.GetProperty("district").GetRawText(), again.GetProperty("district").GetRawText());
        Assert.True(again.GetProperty("deadline").GetDateTimeOffset() > coverage.GetProperty("deadline").GetDateTimeOffset());
    }
}
