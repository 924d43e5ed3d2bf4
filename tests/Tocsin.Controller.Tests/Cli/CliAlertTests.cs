using System.Text.Json;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Cli;

/// <summary>Alerts through the CLI: a drill from draft to coverage, and the controller's refusals.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliAlertTests
{
    [Fact]
    public async Task A_drill_is_created_dispatched_and_its_coverage_shown_per_community_and_district()
    {
        await using CliHarness cli = await CliHarness.StartAsync();
        await cli.LoginAsync();
        await using var rig = new DistrictRig(cli.Controller);
        await rig.AddSpeakerAsync("bn-kaiyuan-01-east", "kaiyuan-01", 1200);
        await rig.AddSpeakerAsync("bn-kaiyuan-01-west", "kaiyuan-01", 900);
        rig.Start();
        await Eventually.TrueAsync(async () => (await cli.Controller.GetAsync("/api/nodes/state")).EnumerateArray().Count(n => n.GetProperty("online").GetBoolean()) == 2,
            TimeSpan.FromSeconds(30), "both speakers online");

        JsonElement created = await cli.JsonAsync("alert", "create", "--kind", "drill", "--hazard", "waterlogging", "--level", "IV", "--scope", "communities",
            "--targets", "kaiyuan-01", "--title", "Drill: underpass flooding", "--text", "This is a drill.", "--clips", "1,2", "--siren", "pulse", "--repeat", "1", "--expires-in", "30");
        string id = created.GetProperty("id").GetString()!;
        Assert.Equal("draft", created.GetProperty("state").GetString());

        CliResult dispatched = await cli.OkAsync("alert", "dispatch", id);
        Assert.Contains("alert " + id + " v1: dispatched (drill, IV (blue), communities kaiyuan-01)", dispatched.Out, StringComparison.Ordinal);

        CliResult list = await cli.OkAsync("alert", "list");
        Assert.Contains(list.Out.Split('\n'), l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("dispatched", StringComparison.Ordinal));
        CliResult show = await cli.OkAsync("alert", "show", id);
        Assert.Contains("Drill: underpass flooding", show.Out, StringComparison.Ordinal);
        Assert.Contains("1,2", show.Out, StringComparison.Ordinal);

        CliResult deliveries = await cli.OkAsync("alert", "deliveries", id);
        Assert.Contains("bn-kaiyuan-01-east", deliveries.Out, StringComparison.Ordinal);

        await Eventually.TrueAsync(async () => (await cli.JsonAsync("alert", "coverage", id)).GetProperty("district").GetProperty("reachedPopulation").GetInt64() == 2100,
            TimeSpan.FromSeconds(90), "both speakers reporting they played");
        CliResult coverage = await cli.OkAsync("alert", "coverage", id);
        string[] lines = coverage.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("kaiyuan ", StringComparison.Ordinal) && l.Contains("street", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  kaiyuan-01", StringComparison.Ordinal) && l.Contains("2230", StringComparison.Ordinal)
            && l.Contains("2100", StringComparison.Ordinal) && l.Contains("100.0%", StringComparison.Ordinal) && l.Contains("2/2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("district", StringComparison.Ordinal) && l.Contains("94.2%", StringComparison.Ordinal));
        Assert.Contains("silent speakers (no report by the deadline): none", coverage.Out, StringComparison.Ordinal);
        Assert.Contains("failed speakers (reported, never played): none", coverage.Out, StringComparison.Ordinal);

        CliResult cleared = await cli.OkAsync("alert", "allclear", id);
        Assert.Contains(": allClear", cleared.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_action_exits_1_with_the_controllers_message()
    {
        await using CliHarness cli = await CliHarness.StartAsync();
        await cli.LoginAsync();
        JsonElement created = await cli.JsonAsync("alert", "create", "--kind", "drill", "--hazard", "fire", "--level", "info", "--title", "Drill");
        string id = created.GetProperty("id").GetString()!;

        CliResult approve = await cli.RunAsync("alert", "approve", id);
        Assert.Equal(1, approve.Code);
        Assert.Contains("nothing waits for approval", approve.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, approve.Out);

        CliResult allClear = await cli.RunAsync("alert", "allclear", id);
        Assert.Equal(1, allClear.Code);
        Assert.Contains("only a dispatched alert can be cleared", allClear.Error, StringComparison.Ordinal);

        CliResult unknown = await cli.RunAsync("alert", "show", "no-such-alert");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("no alert 'no-such-alert'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_level_gives_the_APIs_validation_message()
    {
        await using CliHarness cli = await CliHarness.StartAsync();
        await cli.LoginAsync();

        CliResult result = await cli.RunAsync("alert", "create", "--kind", "drill", "--hazard", "fire", "--level", "V", "--title", "Drill");

        Assert.Equal(1, result.Code);
        Assert.Contains("level must be I, II, III, IV or info", result.Error, StringComparison.Ordinal);
    }
}
