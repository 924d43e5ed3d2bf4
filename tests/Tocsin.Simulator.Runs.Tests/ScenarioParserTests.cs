using Tocsin.TestSupport;
using System.Text;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>Scenario files: the shipped ones are valid, and every mistake is named with its path.</summary>
public sealed class ScenarioParserTests
{
    private const string Minimal = """
        {"v":1,"name":"t","title":"T","seed":1,"start":"2026-01-01T00:00:00Z","duration":"1:00",
         "regions":"controller/regions/licheng-sample.json","nodes":{"communities":["kaiyuan-01"]}%EXTRA%}
        """;

    private static ScenarioLoadResult Parse(string extra, string? whole = null) =>
        ScenarioParser.Parse(Encoding.UTF8.GetBytes(whole ?? Minimal.Replace("%EXTRA%", extra, StringComparison.Ordinal)), RepoPaths.Root);

    private static void AssertError(ScenarioLoadResult result, string path, string fragment)
    {
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("licheng-typhoon.json", 123)]
    [InlineData("flash-flood-underpass.json", 6)]
    [InlineData("quiet-day-tests.json", 12)]
    [InlineData("district-drill.json", 24)]
    [InlineData("scale-10k.json", 10004)]
    public void Shipped_scenarios_are_valid(string file, int nodes)
    {
        ScenarioLoadResult result = ScenarioParser.Load(RepoPaths.Combine("simulator", "scenarios", file));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(nodes, new DistrictPlan(result.Map!, result.Scenario!.Nodes).Nodes.Count);
    }

    [Fact]
    public void A_minimal_scenario_takes_defaults()
    {
        ScenarioLoadResult result = Parse(string.Empty);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(60, result.Scenario!.DurationMinutes);
        Assert.Equal(10, result.Scenario.SettleMinutes);
        Assert.Equal(2, result.Scenario.Nodes.SpeakersPerCommunity);
    }

    [Fact]
    public void Not_json_is_refused()
    {
        Assert.False(Parse(string.Empty, "{not json").Succeeded);
    }

    [Fact]
    public void Unknown_members_are_named()
    {
        AssertError(Parse(",\"rian\":{}"), "$.rian", "unknown member");
    }

    [Fact]
    public void Times_must_be_minutes_or_hours_and_minutes()
    {
        AssertError(Parse(string.Empty, Minimal.Replace("\"1:00\"", "\"1h\"", StringComparison.Ordinal).Replace("%EXTRA%", string.Empty, StringComparison.Ordinal)), "$.duration", "H:MM");
    }

    [Fact]
    public void Communities_must_exist_in_the_region_file()
    {
        ScenarioLoadResult result = Parse(string.Empty, Minimal.Replace("kaiyuan-01", "atlantis-01", StringComparison.Ordinal).Replace("%EXTRA%", string.Empty, StringComparison.Ordinal));
        AssertError(result, "$.nodes.communities[0]", "no community 'atlantis-01'");
    }

    [Fact]
    public void A_missing_region_file_is_named()
    {
        ScenarioLoadResult result = Parse(string.Empty, Minimal.Replace("licheng-sample", "nowhere", StringComparison.Ordinal).Replace("%EXTRA%", string.Empty, StringComparison.Ordinal));
        AssertError(result, "$.regions", "no file");
    }

    [Fact]
    public void Fault_targets_must_name_nodes_of_the_scenario()
    {
        AssertError(Parse(",\"faults\":[{\"at\":\"0:10\",\"type\":\"powerLoss\",\"targets\":[\"node:bn-nowhere-1\"],\"duration\":5}]"), "$.faults[0].targets[0]", "names no node");
        AssertError(Parse(",\"faults\":[{\"at\":\"0:10\",\"type\":\"powerLoss\",\"targets\":[\"pole:7\"],\"duration\":5}]"), "$.faults[0].targets[0]", "is not a target");
    }

    [Fact]
    public void A_sensor_fault_needs_a_sensor()
    {
        AssertError(Parse(",\"faults\":[{\"at\":5,\"type\":\"sensorFail\",\"targets\":[\"node:bn-kaiyuan-01-1\"],\"mode\":\"silent\"}]"), "$.faults[0].targets[0]", "names no sensor node");
    }

    [Fact]
    public void Faults_and_actions_must_fall_inside_the_scenario()
    {
        AssertError(Parse(",\"faults\":[{\"at\":\"2:00\",\"type\":\"brokerRestart\",\"downSeconds\":5}]"), "$.faults[0].at", "must be from");
    }

    [Fact]
    public void Unknown_fault_types_list_the_known_ones()
    {
        AssertError(Parse(",\"faults\":[{\"at\":5,\"type\":\"meteor\"}]"), "$.faults[0].type", "powerLoss");
    }

    [Fact]
    public void Approving_needs_an_approver()
    {
        string ops = ",\"operators\":[{\"id\":\"op\",\"role\":\"operator\"}]";
        string actions = ",\"actions\":[{\"at\":1,\"do\":\"create\",\"ref\":\"a\",\"by\":\"op\",\"alert\":{\"kind\":\"live\",\"hazard\":\"flood\",\"level\":\"II\",\"scope\":\"district\",\"title\":\"x\"}},"
            + "{\"at\":2,\"do\":\"approve\",\"alert\":\"a\",\"by\":\"op\"}]";
        AssertError(Parse(ops + actions), "$.actions[1].by", "approver");
    }

    [Fact]
    public void Alert_requests_are_checked_as_the_api_checks_them()
    {
        string ops = ",\"operators\":[{\"id\":\"op\",\"role\":\"operator\"}]";
        AssertError(Parse(ops + ",\"actions\":[{\"at\":1,\"do\":\"create\",\"ref\":\"a\",\"by\":\"op\",\"alert\":{\"kind\":\"live\",\"hazard\":\"flood\",\"level\":\"V\",\"scope\":\"district\",\"title\":\"x\"}}]"),
            "$.actions[0].alert", "level must be");
        AssertError(Parse(ops + ",\"actions\":[{\"at\":1,\"do\":\"cancel\",\"alert\":\"never-made\",\"by\":\"op\"}]"), "$.actions[0].alert", "not the ref");
    }

    [Fact]
    public void Console_lines_must_go_to_a_node_of_the_scenario()
    {
        AssertError(Parse(",\"actions\":[{\"at\":1,\"do\":\"console\",\"node\":\"bn-x-1\",\"line\":\"status\"}]"), "$.actions[0].node", "no node 'bn-x-1'");
    }

    [Fact]
    public void The_steady_step_is_read_and_checked()
    {
        ScenarioLoadResult ok = Parse(",\"tick\":{\"soundingMs\":200,\"steadyMs\":8000}");
        Assert.True(ok.Succeeded, string.Join("\n", ok.Errors));
        Assert.Equal(new TickSpec(SoundingMs: 200, SteadyMs: 8000), ok.Scenario!.Tick);
        Assert.Equal(5000, new TickSpec().SteadyMs);
        AssertError(Parse(",\"tick\":{\"steadyMs\":0}"), "$.tick.steadyMs", "must be from 10 to 60000");
    }

    [Fact]
    public void An_idle_speaker_may_step_as_seldom_as_every_five_minutes()
    {
        ScenarioLoadResult ok = Parse(",\"tick\":{\"speakerMs\":300000}");
        Assert.True(ok.Succeeded, string.Join("\n", ok.Errors));
        Assert.Equal(300_000, ok.Scenario!.Tick.SpeakerMs);
        AssertError(Parse(",\"tick\":{\"speakerMs\":300001}"), "$.tick.speakerMs", "must be from 100 to 300000");
        AssertError(Parse(",\"tick\":{\"speakerMs\":99}"), "$.tick.speakerMs", "must be from 100 to 300000");
    }

    [Fact]
    public void The_controllers_answer_time_is_read_and_must_be_whole_slots()
    {
        ScenarioLoadResult ok = Parse(",\"tick\":{\"activeMs\":100,\"controllerMs\":300}");
        Assert.True(ok.Succeeded, string.Join("\n", ok.Errors));
        Assert.Equal(300, ok.Scenario!.Tick.ControllerMs);
        Assert.Equal(0, new TickSpec().ControllerMs);
        AssertError(Parse(",\"tick\":{\"activeMs\":100,\"controllerMs\":250}"), "$.tick.controllerMs", "must be a multiple of activeMs (100)");
        AssertError(Parse(",\"tick\":{\"controllerMs\":-100}"), "$.tick.controllerMs", "must be from 0 to 2000");
        AssertError(Parse(",\"tick\":{\"controllerMs\":5000}"), "$.tick.controllerMs", "must be from 0 to 2000");
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        ScenarioLoadResult result = Parse(",\"network\":{\"lossPercent\":150},\"tick\":{\"activeMs\":0},\"rian\":1", null);
        Assert.True(result.Errors.Count >= 3, string.Join("\n", result.Errors));
    }
}
