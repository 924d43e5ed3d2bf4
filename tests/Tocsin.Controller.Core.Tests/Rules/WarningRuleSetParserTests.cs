using Tocsin.TestSupport;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Rules;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Rules;

public sealed class WarningRuleSetParserTests
{
    private const string Valid = """
        { "v": 1,
          "rules": [ { "id": "depth", "evidence": "depth_level", "hazard": "waterlogging", "levels": { "orange": "II", "red": "I" } } ],
          "auto_dispatch": [ { "hazard": "waterlogging", "levels": ["IV", "III"] } ] }
        """;

    [Fact]
    public void The_shipped_default_rules_load()
    {
        RuleSetLoadResult r = WarningRuleSetParser.Parse(File.ReadAllBytes(RepoPaths.Combine("controller", "rules", "default-rules.json")));
        Assert.True(r.Succeeded, string.Join("\n", r.Errors));
        Assert.Equal(2, r.Rules.Rules.Count);
        Assert.Equal(Confirmation.SecondSensor, r.Rules.Rules[1].Confirm);
        Assert.Equal(RuleScope.Street, r.Rules.Rules[1].Scope);
    }

    [Fact]
    public void Defaults_apply_for_optional_members()
    {
        WarningRule rule = WarningRuleSetParser.Parse(Valid).Rules!.Rules[0];
        Assert.Equal((RuleScope.Community, Confirmation.None, TimeSpan.FromMinutes(30), SirenPattern.Wail), (rule.Scope, rule.Confirm, rule.Hold, rule.Siren));
        Assert.Null(rule.Sensors);
        Assert.Equal(WarningLevel.Orange, rule.Map(SensorLevel.Orange));
        Assert.Null(rule.Map(SensorLevel.Yellow));
        Assert.Equal(WarningLevel.Red, rule.Map(SensorLevel.Red));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_path_and_nothing_is_loaded()
    {
        string json = """
            { "v": 1,
              "rules": [
                { "id": "depth", "evidence": "depth", "hazard": "tsunami", "levels": { "red": "V", "purple": "I" }, "scope": "city", "confirm": "twice", "hold_s": -1, "sensors": ["bn-1"], "clips": [0], "colour": 1 },
                { "id": "depth", "evidence": "rain_signal", "hazard": "rainstorm", "levels": { "red": "I" } }
              ],
              "auto_dispatch": [ { "hazard": "waterlogging", "levels": ["II", "X"] } ] }
            """;
        RuleSetLoadResult r = WarningRuleSetParser.Parse(json);
        Assert.False(r.Succeeded);
        Assert.Null(r.Rules);
        var paths = r.Errors.Select(e => e.Path).ToList();
        Assert.Equal(
            [
                "$.rules[0].evidence", "$.rules[0].hazard", "$.rules[0].levels.red", "$.rules[0].levels.purple", "$.rules[0].scope", "$.rules[0].confirm",
                "$.rules[0].hold_s", "$.rules[0].sensors[0]", "$.rules[0].clips[0]", "$.rules[0].colour", "$.rules[1].id",
                "$.auto_dispatch[0].levels[0]", "$.auto_dispatch[0].levels[1]",
            ],
            paths);
        Assert.Contains("second person", r.Errors.Single(e => e.Path == "$.auto_dispatch[0].levels[0]").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_without_any_level_mapping_is_refused()
    {
        RuleSetLoadResult r = WarningRuleSetParser.Parse(Valid.Replace("\"orange\": \"II\", \"red\": \"I\"", ""));
        ValidationAssert.Single(r.Errors, "$.rules[0].levels", "at least one");
    }

    [Fact]
    public void An_empty_rule_list_is_refused()
    {
        ValidationAssert.Single(WarningRuleSetParser.Parse("""{ "v": 1, "rules": [] }""").Errors, "$.rules", "non-empty");
    }

    [Fact]
    public void Only_listed_levels_below_II_may_auto_dispatch()
    {
        WarningRuleSet rules = WarningRuleSetParser.Parse(Valid).Rules!;
        Assert.True(rules.MayAutoDispatch(Hazard.Waterlogging, WarningLevel.Yellow, districtWide: false));
        Assert.False(rules.MayAutoDispatch(Hazard.Waterlogging, WarningLevel.Yellow, districtWide: true));
        Assert.False(rules.MayAutoDispatch(Hazard.Waterlogging, WarningLevel.Orange, districtWide: false));
        Assert.False(rules.MayAutoDispatch(Hazard.Rainstorm, WarningLevel.Yellow, districtWide: false));
    }
}
