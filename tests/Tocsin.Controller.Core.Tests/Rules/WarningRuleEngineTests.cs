using Tocsin.Controller.Alerts;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Rules;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Rules;

public sealed class WarningRuleEngineTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);
    private readonly FakeClock _clock = new();

    private static WarningRuleSet Rules(RuleScope scope = RuleScope.Community, Confirmation confirm = Confirmation.None, Hazard hazard = Hazard.Waterlogging)
    {
        var levels = new Dictionary<SensorLevel, WarningLevel>
        {
            [SensorLevel.Blue] = WarningLevel.Blue, [SensorLevel.Yellow] = WarningLevel.Yellow,
            [SensorLevel.Orange] = WarningLevel.Orange, [SensorLevel.Red] = WarningLevel.Red,
        };
        var rule = new WarningRule("depth", EvidenceKind.DepthLevel, hazard, levels, scope, confirm, Hold, null, [101], SirenPattern.Wail, null);
        var auto = new AutoDispatchRule(Hazard.Waterlogging, new HashSet<WarningLevel> { WarningLevel.Blue, WarningLevel.Yellow });
        return new WarningRuleSet([rule], [auto]);
    }

    private WarningRuleEngine Engine(WarningRuleSet? rules = null, AlertKind kind = AlertKind.Live) => new(rules ?? Rules(), TestData.SmallMap(), kind);

    private SensorEvidence Reading(string sensor, SensorLevel level, string community = "c1") =>
        new(sensor, community, EvidenceKind.DepthLevel, level, _clock.Now);

    [Fact]
    public void A_rising_level_is_proposed_at_once_and_each_higher_level_escalates_immediately()
    {
        WarningRuleEngine e = Engine();
        ProposedWarning p = Assert.Single(e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Now));
        Assert.Equal((ProposalAction.Raise, WarningLevel.Yellow, (WarningLevel?)null), (p.Action, p.Level!.Value, p.PreviousLevel));
        Assert.Equal(("depth:c1", "c1", Hazard.Waterlogging), (p.Key, p.AreaId, p.Hazard));
        Assert.Equal(["c1"], p.CommunityIds);

        _clock.Advance(TimeSpan.FromSeconds(30));
        ProposedWarning up = Assert.Single(e.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now));
        Assert.Equal((ProposalAction.Raise, WarningLevel.Red, WarningLevel.Yellow), (up.Action, up.Level!.Value, up.PreviousLevel!.Value));
    }

    [Fact]
    public void A_falling_level_is_lowered_only_after_the_evidence_stayed_lower_for_the_hold_time()
    {
        WarningRuleEngine e = Engine();
        e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Now);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Now));
        Assert.Empty(e.Tick(_clock.Advance(Hold - TimeSpan.FromSeconds(1))));
        Assert.Equal(WarningLevel.Orange, e.LevelInForce("depth", "c1"));
        ProposedWarning down = Assert.Single(e.Tick(_clock.Advance(TimeSpan.FromSeconds(1))));
        Assert.Equal((ProposalAction.Lower, WarningLevel.Yellow, WarningLevel.Orange), (down.Action, down.Level!.Value, down.PreviousLevel!.Value));
        Assert.Empty(e.Tick(_clock.Advance(Hold)));
    }

    [Fact]
    public void Repeated_readings_of_the_same_level_neither_propose_nor_stop_a_hold_from_running_out()
    {
        WarningRuleEngine e = Engine();
        e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Now);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Now));
        for (int i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            Assert.Empty(e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Now));
        }

        Assert.Equal(WarningLevel.Orange, e.LevelInForce("depth", "c1"));
        ProposedWarning down = Assert.Single(e.Tick(_clock.Advance(Hold - TimeSpan.FromSeconds(90))));
        Assert.Equal((ProposalAction.Lower, WarningLevel.Yellow), (down.Action, down.Level!.Value));
    }

    [Fact]
    public void After_a_restart_with_changed_rules_a_repeated_reading_is_evaluated_under_the_new_rules()
    {
        WarningRuleEngine before = Engine(Rules(confirm: Confirmation.SecondSensor));
        Assert.Empty(before.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now));
        Assert.Empty(before.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now));

        // The rules no longer ask for a second sensor; the same reading again must now warn.
        WarningRuleEngine after = Engine(Rules(confirm: Confirmation.None));
        after.Import(before.Export());
        ProposedWarning p = Assert.Single(after.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now));
        Assert.Equal((ProposalAction.Raise, WarningLevel.Red), (p.Action, p.Level!.Value));
        Assert.Empty(after.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now));
    }

    [Fact]
    public void Evidence_returning_to_the_level_in_force_restarts_the_hold()
    {
        WarningRuleEngine e = Engine();
        e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Now);
        e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Advance(TimeSpan.FromMinutes(1)));
        e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Advance(TimeSpan.FromMinutes(5)));
        e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Advance(TimeSpan.FromMinutes(1)));
        Assert.Empty(e.Tick(_clock.Advance(TimeSpan.FromMinutes(9))));
        Assert.Single(e.Tick(_clock.Advance(TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void After_the_hold_the_level_drops_to_the_highest_seen_during_it_then_steps_down_again()
    {
        WarningRuleEngine e = Engine();
        e.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now);
        DateTimeOffset t0 = _clock.Advance(TimeSpan.FromMinutes(1));
        e.Observe(Reading("sn-1", SensorLevel.Yellow), t0);
        e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Advance(TimeSpan.FromMinutes(2)));
        e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Advance(TimeSpan.FromMinutes(2)));
        ProposedWarning first = Assert.Single(e.Tick(t0 + Hold));
        Assert.Equal(WarningLevel.Orange, first.Level);
        Assert.Empty(e.Tick(t0 + Hold + Hold - TimeSpan.FromSeconds(1)));
        ProposedWarning second = Assert.Single(e.Tick(t0 + Hold + Hold));
        Assert.Equal(WarningLevel.Yellow, second.Level);
    }

    [Fact]
    public void Evidence_back_to_none_ends_the_warning_after_the_hold()
    {
        WarningRuleEngine e = Engine();
        e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Now);
        e.Observe(Reading("sn-1", SensorLevel.None), _clock.Advance(TimeSpan.FromMinutes(1)));
        ProposedWarning end = Assert.Single(e.Tick(_clock.Advance(Hold)));
        Assert.Equal((ProposalAction.End, (WarningLevel?)null, WarningLevel.Yellow), (end.Action, end.Level, end.PreviousLevel!.Value));
        Assert.True(end.AutoDispatch);
        Assert.Null(e.LevelInForce("depth", "c1"));
    }

    [Fact]
    public void With_second_reading_confirmation_one_reading_is_not_enough()
    {
        WarningRuleEngine e = Engine(Rules(confirm: Confirmation.SecondReading));
        Assert.Empty(e.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now));
        ProposedWarning p = Assert.Single(e.Observe(Reading("sn-1", SensorLevel.Red), _clock.Advance(TimeSpan.FromMinutes(5))));
        Assert.Equal(WarningLevel.Red, p.Level);
    }

    [Fact]
    public void With_second_reading_confirmation_the_lower_of_the_two_readings_counts()
    {
        WarningRuleEngine e = Engine(Rules(confirm: Confirmation.SecondReading));
        e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Now);
        ProposedWarning p = Assert.Single(e.Observe(Reading("sn-1", SensorLevel.Red), _clock.Advance(TimeSpan.FromMinutes(1))));
        Assert.Equal(WarningLevel.Orange, p.Level);
    }

    [Fact]
    public void With_second_sensor_confirmation_a_second_sensor_of_the_same_community_must_agree()
    {
        WarningRuleEngine e = Engine(Rules(confirm: Confirmation.SecondSensor));
        Assert.Empty(e.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now));
        Assert.Empty(e.Observe(Reading("sn-9", SensorLevel.Red, "c2"), _clock.Now));
        ProposedWarning p = Assert.Single(e.Observe(Reading("sn-2", SensorLevel.Orange), _clock.Now));
        Assert.Equal(WarningLevel.Orange, p.Level);
        Assert.Equal(["sn-1", "sn-2"], p.Evidence.Select(x => x.SensorId));
    }

    [Fact]
    public void With_second_sensor_confirmation_the_level_is_the_second_highest_whatever_the_order_readings_came_in()
    {
        WarningRuleEngine e = Engine(Rules(confirm: Confirmation.SecondSensor));
        Assert.Empty(e.Observe(Reading("sn-1", SensorLevel.Blue), _clock.Now));
        Assert.Equal(WarningLevel.Blue, Assert.Single(e.Observe(Reading("sn-2", SensorLevel.Red), _clock.Now)).Level);
        Assert.Equal(WarningLevel.Yellow, Assert.Single(e.Observe(Reading("sn-3", SensorLevel.Yellow), _clock.Now)).Level);
        Assert.Equal(WarningLevel.Red, Assert.Single(e.Observe(Reading("sn-4", SensorLevel.Red), _clock.Now)).Level);
    }

    [Fact]
    public void A_street_rule_warns_the_whole_street_and_confirms_across_its_communities()
    {
        WarningRuleEngine e = Engine(Rules(scope: RuleScope.Street, confirm: Confirmation.SecondSensor));
        Assert.Empty(e.Observe(Reading("sn-1", SensorLevel.Yellow, "c1"), _clock.Now));
        Assert.Empty(e.Observe(Reading("sn-3", SensorLevel.Yellow, "c3"), _clock.Now));
        ProposedWarning p = Assert.Single(e.Observe(Reading("sn-2", SensorLevel.Yellow, "c2"), _clock.Now));
        Assert.Equal(("depth:s1", RuleScope.Street, "s1"), (p.Key, p.Scope, p.AreaId));
        Assert.Equal(["c1", "c2"], p.CommunityIds);
    }

    [Fact]
    public void Levels_III_and_IV_of_a_listed_hazard_auto_dispatch_but_I_and_II_wait_for_an_operator()
    {
        WarningRuleEngine e = Engine();
        Assert.True(e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Now)[0].AutoDispatch);
        Assert.False(e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Now)[0].AutoDispatch);
        Assert.False(e.Observe(Reading("sn-1", SensorLevel.Red), _clock.Now)[0].AutoDispatch);
    }

    [Fact]
    public void Drills_never_auto_dispatch_and_unlisted_hazards_wait_for_an_operator()
    {
        ProposedWarning drill = Engine(kind: AlertKind.Drill).Observe(Reading("sn-1", SensorLevel.Blue), _clock.Now)[0];
        Assert.Equal(AlertKind.Drill, drill.Kind);
        Assert.False(drill.AutoDispatch);
        Assert.False(Engine(Rules(hazard: Hazard.Flood)).Observe(Reading("sn-1", SensorLevel.Blue), _clock.Now)[0].AutoDispatch);
    }

    [Fact]
    public void A_reading_older_than_the_one_held_is_ignored()
    {
        WarningRuleEngine e = Engine();
        _clock.Advance(TimeSpan.FromMinutes(5));
        e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Now);
        var stale = new SensorEvidence("sn-1", "c1", EvidenceKind.DepthLevel, SensorLevel.Red, FakeClock.Start);
        Assert.Empty(e.Observe(stale, _clock.Now));
        Assert.Equal(WarningLevel.Yellow, e.LevelInForce("depth", "c1"));
    }

    [Fact]
    public void Rain_evidence_does_not_feed_a_depth_rule_and_unknown_communities_are_ignored()
    {
        WarningRuleEngine e = Engine();
        Assert.Empty(e.Observe(new SensorEvidence("sn-1", "c1", EvidenceKind.RainSignal, SensorLevel.Red, _clock.Now), _clock.Now));
        Assert.Empty(e.Observe(Reading("sn-1", SensorLevel.Red, "c9"), _clock.Now));
    }

    [Fact]
    public void Hold_timers_and_readings_survive_a_restart()
    {
        WarningRuleEngine e = Engine(Rules(confirm: Confirmation.SecondReading));
        e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Now);
        e.Observe(Reading("sn-1", SensorLevel.Orange), _clock.Advance(TimeSpan.FromMinutes(1)));
        e.Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Advance(TimeSpan.FromMinutes(1)));
        string json = System.Text.Json.JsonSerializer.Serialize(e.Export());
        WarningRuleEngine restored = Engine(Rules(confirm: Confirmation.SecondReading));
        restored.Import(System.Text.Json.JsonSerializer.Deserialize<RuleEngineSnapshot>(json)!);
        Assert.Equal(WarningLevel.Orange, restored.LevelInForce("depth", "c1"));
        Assert.Empty(restored.Tick(_clock.Advance(Hold - TimeSpan.FromSeconds(1))));
        Assert.Single(restored.Tick(_clock.Advance(TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void Evidence_comes_from_level_events_and_from_periodic_reports()
    {
        var header = new OutboxHeader(1, 1, 5, FakeClock.Start.ToUnixTimeMilliseconds(), 1);
        var ev = new EventMessage("sn-1", header, EventTypes.DepthLevel, SensorLevel.Orange, SensorLevel.Yellow, null, null, new Dictionary<string, double>());
        Assert.Equal(new SensorEvidence("sn-1", "c1", EvidenceKind.DepthLevel, SensorLevel.Orange, FakeClock.Start), SensorEvidence.FromEvent(ev, "c1", _clock.Now));
        var fault = ev with { Type = EventTypes.Fault, Level = null };
        Assert.Null(SensorEvidence.FromEvent(fault, "c1", _clock.Now));
        var report = new ReportMessage("sn-1", header with { UtcMs = null }, "reading", new Dictionary<string, double>(), SensorLevel.Red, SensorLevel.Blue);
        DateTimeOffset received = _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(
            [new SensorEvidence("sn-1", "c1", EvidenceKind.DepthLevel, SensorLevel.Red, received), new SensorEvidence("sn-1", "c1", EvidenceKind.RainSignal, SensorLevel.Blue, received)],
            SensorEvidence.FromReport(report, "c1", received));
    }

    [Fact]
    public void A_raise_becomes_a_valid_rule_sourced_alert_draft()
    {
        ProposedWarning p = Engine().Observe(Reading("sn-1", SensorLevel.Yellow), _clock.Now)[0];
        AlertDraft draft = p.ToDraft("a-20261129-0008", _clock.Now.AddHours(3));
        Alert alert = TestData.Create(draft, Actor.System);
        Assert.Equal((AlertSource.Rule, "depth:c1", WarningLevel.Yellow), (alert.Source, alert.SourceRef, alert.Level));
        Assert.Equal(["c1"], alert.CommunityIds);
        Assert.Equal([101], alert.Message.Clips);
        Assert.True(alert.Dispatch(Actor.System, _clock.Now).Succeeded);
        Assert.Equal(new AlertUpdate(WarningLevel.Yellow), p.ToUpdate());
    }
}
