using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.BroadcastNode.Tests.Rules;

/// <summary>Pre-authorized local rules: only when the controller is silent, at most once per interval, always reported.</summary>
[TestClass]
public sealed class LocalRuleTests
{
    private const string Sensor = "sn-0007";

    private static BroadcastHarness WithRule(string source = Sensor, int level = 3)
    {
        var h = new BroadcastHarness();
        h.Set("bn.rule1.src", source);
        h.Set("bn.rule1.level", level.ToString(System.Globalization.CultureInfo.InvariantCulture));
        h.Set("bn.rule1.quiet_s", "10");
        h.Set("bn.rule1.every_min", "1");
        h.Set("bn.rule1.clip", "3");
        h.Set("bn.rule1.warn", "3");
        h.Set("bn.siren_s", "2");
        return h;
    }

    private static void SensorSays(BroadcastHarness h, string level, long ageMs = 0, bool retain = false)
    {
        string payload = "{\"ep\":7,\"floor\":1,\"seq\":5,\"t\":" + (h.Clock.TrueUtcMs - ageMs) + ",\"up\":1000,\"type\":\"depth_level\",\"level\":\"" + level + "\",\"from\":\"none\"}";
        h.Link.Deliver("tocsin/v1/node/" + Sensor + "/event", Encoding.UTF8.GetBytes(payload), retain);
        h.Tick(1);
    }

    [TestMethod]
    public void A_rule_fires_when_its_level_is_reached_and_the_controller_stays_silent()
    {
        var h = WithRule();
        h.ControllerAcks = false;
        SensorSays(h, "orange");
        h.Run(8_000);
        Assert.AreEqual(0, h.Events("local_action").Count, "not before the controller was silent for quiet_s");
        h.Run(30_000);

        JsonElement action = h.Events("local_action").Single();
        Assert.AreEqual(1, action.GetProperty("rule").GetInt32());
        Assert.AreEqual(Sensor, action.GetProperty("src").GetString());
        Assert.AreEqual(3, action.GetProperty("heard").GetInt32());
        Assert.AreEqual("II", action.GetProperty("warn").GetString());
        Assert.IsTrue(action.GetProperty("silent_s").GetInt32() >= 10);
        string bid = action.GetProperty("bid").GetString();
        Assert.AreEqual("received,playing,succeeded", string.Join(",", h.LocalStates(bid)));
        CollectionAssert.AreEqual(new[] { 3, 3 }, h.Player.Played.Select(p => p.Track).ToArray());
        Assert.IsTrue(h.Events("rule").Single().GetProperty("armed").GetBoolean());
    }

    [TestMethod]
    public void A_speaker_stepped_only_at_its_timers_still_acts_when_the_silence_has_lasted_its_quiet_time()
    {
        var h = WithRule();
        h.ControllerAcks = false;
        SensorSays(h, "orange");
        long heard = h.Runtime.NowMs;
        int steps = 0;
        while (h.Events("local_action").Count == 0 && h.Runtime.NowMs - heard < 120_000)
        {
            // As the simulator steps an idle speaker: when its next timer falls due, at most 5 minutes on.
            long next = h.Runtime.NextTimerMs();
            Assert.IsTrue(next >= h.Runtime.NowMs, "a timer left in the past");
            h.Tick(System.Math.Max(1, System.Math.Min(300_000, next - h.Runtime.NowMs)));
            steps++;
        }

        JsonElement action = h.Events("local_action").Single();
        Assert.IsTrue(action.GetProperty("silent_s").GetInt32() is >= 10 and <= 12, "acted after " + action.GetProperty("silent_s").GetInt32() + " s of silence");
        Assert.IsTrue(h.Runtime.NowMs - heard <= 13_000, "acted " + (h.Runtime.NowMs - heard) + " ms after the level was heard");
        Assert.IsTrue(steps < 100, steps + " steps");
    }

    [TestMethod]
    public void A_rule_never_fires_while_the_controller_acknowledges()
    {
        var h = WithRule();
        SensorSays(h, "red");
        h.Run(90_000, 200);

        Assert.AreEqual(0, h.Events("local_action").Count);
        Assert.AreEqual(1, h.Events("rule").Count, "the controller was told the rule armed");
        Assert.IsFalse(h.Timeline.Entries.Any(e => e.What == "amp on"));
    }

    [TestMethod]
    public void A_rule_fires_at_most_once_per_interval_even_across_a_reboot()
    {
        var h = WithRule();
        h.ControllerAcks = false;
        SensorSays(h, "orange");
        h.Run(40_000, 100);
        Assert.AreEqual(1, h.Events("local_action").Count);

        h.Reboot();
        SensorSays(h, "orange");
        h.Run(15_000, 100);
        Assert.AreEqual(1, h.Events("local_action").Count, "the interval runs on across the reboot");

        h.Run(20_000, 100);
        Assert.AreEqual(2, h.Events("local_action").Count, "a minute after the first firing it may fire again");
    }

    [TestMethod]
    public void A_rule_on_the_wired_float_switches_fires_without_any_sensor_node()
    {
        var h = WithRule(source: "local", level: 2);
        h.ControllerAcks = false;
        h.Floats[0].Active = true;
        h.Run(15_000);
        Assert.AreEqual(0, h.Events("local_action").Count, "one switch wet is level 1");
        h.Floats[1].Active = true;
        h.Run(30_000);

        JsonElement action = h.Events("local_action").Single();
        Assert.AreEqual("local", action.GetProperty("src").GetString());
        Assert.AreEqual(2, action.GetProperty("heard").GetInt32());
    }

    [TestMethod]
    public void A_level_that_falls_back_disarms_the_rule_before_it_fires()
    {
        var h = WithRule();
        h.ControllerAcks = false;
        SensorSays(h, "orange");
        h.Run(3_000);
        SensorSays(h, "yellow");
        h.Run(30_000);

        Assert.AreEqual(0, h.Events("local_action").Count);
        Assert.AreEqual("True,False", string.Join(",", h.Events("rule").Select(e => e.GetProperty("armed").GetBoolean())));
    }

    [TestMethod]
    public void Stale_and_retained_sensor_events_are_not_evidence()
    {
        var h = WithRule();
        h.ControllerAcks = false;
        SensorSays(h, "red", ageMs: 11 * 60_000);
        SensorSays(h, "red", retain: true);
        h.Run(30_000);

        Assert.AreEqual(0, h.Events("rule").Count);
        Assert.AreEqual(0, h.Events("local_action").Count);
    }

    [TestMethod]
    public void A_rule_does_not_fire_while_the_stop_switch_is_thrown()
    {
        var h = WithRule();
        h.ControllerAcks = false;
        h.StopSwitch.Active = true;
        SensorSays(h, "red");
        h.Run(30_000);

        Assert.AreEqual(0, h.Events("local_action").Count);
        Assert.IsFalse(h.Timeline.Entries.Any(e => e.What == "amp on"));
    }

    [TestMethod]
    public void Every_autonomous_action_is_reported_when_the_link_returns()
    {
        var h = WithRule();
        h.Set("bn.rule1.every_min", "60");
        h.Link.NextConnect = ConnectBehaviour.Refuse;
        h.Link.DropConnection();
        SensorSays(h, "orange");
        h.Run(40_000);
        Assert.IsTrue(h.Player.Played.Count > 0, "it sounded on its own");
        Assert.AreEqual(0, h.Events("local_action").Count, "nothing could be sent yet");

        h.Link.NextConnect = ConnectBehaviour.Accept;
        h.RunUntil(() => h.Events("local_action").Count == 1, 600_000, 500);
        h.Run(5_000);

        Assert.AreEqual(1, h.Events("local_action").Count);
        Assert.AreEqual(1, h.Events("rule").Count);
        string bid = h.Events("local_action").Single().GetProperty("bid").GetString();
        Assert.AreEqual("received,playing,succeeded", string.Join(",", h.LocalStates(bid)));
    }

    [TestMethod]
    public void The_node_subscribes_to_the_event_topics_its_rules_name()
    {
        var h = WithRule();
        h.Set("bn.rule2.src", "sn-0009");
        h.Set("bn.rule3.src", "local");
        h.Reboot();

        CollectionAssert.Contains(h.Link.Subscriptions.ToList(), "tocsin/v1/node/sn-0007/event");
        CollectionAssert.Contains(h.Link.Subscriptions.ToList(), "tocsin/v1/node/sn-0009/event");
        Assert.AreEqual(5, h.Link.Subscriptions.Count);
    }
}
