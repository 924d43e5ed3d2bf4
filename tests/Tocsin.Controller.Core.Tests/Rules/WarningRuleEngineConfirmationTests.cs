using Tocsin.Controller.Alerts;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Rules;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Rules;

/// <summary>
/// The engine keeps per-area counts of its sensors' levels instead of visiting them on each change;
/// here random readings (sensors moving between communities and streets too) are checked against the
/// confirmation rules worked out from the engine's own exported sensor states.
/// </summary>
public sealed class WarningRuleEngineConfirmationTests
{
    private static readonly string[] Communities = ["c1", "c2", "c3"];

    [Theory]
    [InlineData(Confirmation.None, RuleScope.Community)]
    [InlineData(Confirmation.SecondReading, RuleScope.Community)]
    [InlineData(Confirmation.SecondSensor, RuleScope.Community)]
    [InlineData(Confirmation.None, RuleScope.Street)]
    [InlineData(Confirmation.SecondReading, RuleScope.Street)]
    [InlineData(Confirmation.SecondSensor, RuleScope.Street)]
    public void The_level_in_force_is_always_what_the_sensors_states_confirm(Confirmation confirm, RuleScope scope)
    {
        var levels = new Dictionary<SensorLevel, WarningLevel>
        {
            [SensorLevel.Blue] = WarningLevel.Blue, [SensorLevel.Yellow] = WarningLevel.Yellow,
            [SensorLevel.Orange] = WarningLevel.Orange, [SensorLevel.Red] = WarningLevel.Red,
        };

        // No hold: the level in force follows the evidence both ways, so it shows what was confirmed.
        var rule = new WarningRule("depth", EvidenceKind.DepthLevel, Hazard.Waterlogging, levels, scope, confirm, TimeSpan.Zero, null, [101], SirenPattern.Wail, null);
        var map = TestData.SmallMap();
        var engine = new WarningRuleEngine(new WarningRuleSet([rule], []), map, AlertKind.Drill);
        var random = new Random(1234 + (int)confirm + (10 * (int)scope));
        DateTimeOffset now = FakeClock.Start;
        for (int i = 0; i < 3000; i++)
        {
            now += TimeSpan.FromSeconds(1);
            string community = Communities[random.Next(Communities.Length)];
            var evidence = new SensorEvidence("sn-" + random.Next(6), community, EvidenceKind.DepthLevel, (SensorLevel)random.Next(5), now);
            engine.Observe(evidence, now);

            // Every reading is remembered with its time, the same level read again included.
            Assert.Equal(now, engine.Export().Sensors.Single(s => s.SensorId == evidence.SensorId).ObservedAt);
            foreach (string area in scope == RuleScope.Community ? Communities : ["s1", "s2"])
            {
                List<RuleSensorState> inArea = engine.Export().Sensors
                    .Where(s => (scope == RuleScope.Community ? s.CommunityId : map.StreetOf(s.CommunityId)!.Id) == area).ToList();
                WarningLevel? expected = rule.Map(Confirmed(confirm, inArea));
                Assert.True(expected == engine.LevelInForce("depth", area), $"reading {i}: {area} has {engine.LevelInForce("depth", area)}, its sensors confirm {expected}");
            }
        }
    }

    private static SensorLevel Confirmed(Confirmation confirm, List<RuleSensorState> sensors)
    {
        List<SensorLevel> current = sensors.Select(s => s.Current).OrderDescending().ToList();
        return confirm switch
        {
            Confirmation.SecondReading => sensors.Select(s => s.Current < s.Previous ? s.Current : s.Previous).DefaultIfEmpty(SensorLevel.None).Max(),
            Confirmation.SecondSensor => current.Count >= 2 ? current[1] : SensorLevel.None,
            _ => current.DefaultIfEmpty(SensorLevel.None).Max(),
        };
    }
}
