using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Supervision;

/// <summary>Silent and growl tests: the whole chain exercised, authenticated like live traffic, pass or fail.</summary>
[TestClass]
public sealed class ChainTestTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    [TestMethod]
    public void A_silent_test_cycles_every_zone_relay_with_no_audible_sound_and_passes()
    {
        var h = new BroadcastHarness();
        h.Send("test", "test", Bodies.Test("silent"), id: "weekly");
        h.Run(15_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "weekly"));
        Assert.AreEqual(-1, h.Timeline.First("audible on"), "nothing audible: " + h.Timeline);
        Assert.AreEqual(0, h.Player.Played.Count);
        Assert.AreEqual(1, h.Timeline.All("zone1 on").Count);
        Assert.AreEqual(1, h.Timeline.All("zone2 on").Count);
        Assert.IsTrue(h.Timeline.First("zone2 on") > h.Timeline.First("zone1 off"), "one zone at a time: " + h.Timeline);
        JsonElement report = h.Events("test").Single();
        Assert.IsTrue(report.GetProperty("pass").GetBoolean());
        Assert.AreEqual("silent", report.GetProperty("test").GetString());
        Assert.AreEqual(120, report.GetProperty("amp_idle_ma").GetInt32());
        JsonElement[] steps = report.GetProperty("steps").EnumerateArray().ToArray();
        Assert.AreEqual(3, steps.Length);
        Assert.AreEqual(0, steps[0][0].GetInt32(), "the player check needs no zone");
        Assert.AreEqual(1, steps[0][2].GetInt32());
        Assert.AreEqual(60, steps[1][1].GetInt32(), "pilot load above the amplifier's idle current");
        Assert.AreEqual(1, steps[2][2].GetInt32());
    }

    [TestMethod]
    public void A_silent_test_finds_an_open_speaker_line_and_names_the_zone()
    {
        var h = new BroadcastHarness();
        h.Amplifier.LineOpen[1] = true;
        h.Send("test", "test", Bodies.Test("silent"), id: "weekly");
        h.Run(15_000);

        Assert.AreEqual("received,playing,failed:no_load_current", States(h, "weekly"));
        JsonElement report = h.Events("test").Single();
        Assert.IsFalse(report.GetProperty("pass").GetBoolean());
        JsonElement[] steps = report.GetProperty("steps").EnumerateArray().ToArray();
        Assert.AreEqual(1, steps[1][2].GetInt32(), "zone 1 passed");
        Assert.AreEqual(2, steps[2][0].GetInt32());
        Assert.AreEqual(-1, steps[2][2].GetInt32(), "zone 2 failed");
    }

    [TestMethod]
    public void An_eight_zone_silent_test_report_fits_one_outbox_message()
    {
        var h = new BroadcastHarness(zones: 8);
        h.Set("bn.zones", "8");
        h.Player.Dead = true;
        for (int z = 0; z < 8; z++)
        {
            h.Amplifier.LineOpen[z] = true;
        }

        h.Send("test", "test", Bodies.Test("silent"), id: "weekly-long-identifier-for-a-big-report-0001");
        h.Run(40_000);

        JsonElement report = h.Events("test").Single();
        Assert.AreEqual(9, report.GetProperty("steps").GetArrayLength());
        Assert.AreEqual(0, h.Runtime.Outbox.OversizeCount);
    }

    [TestMethod]
    public void A_silent_test_reports_a_player_that_does_not_answer()
    {
        var h = new BroadcastHarness();
        h.Player.Dead = true;
        h.Send("test", "test", Bodies.Test("silent"), id: "weekly");
        h.Run(15_000);

        Assert.AreEqual("received,playing,failed:player_not_answering", States(h, "weekly"));
    }

    [TestMethod]
    public void A_silent_test_reports_a_dead_amplifier()
    {
        var h = new BroadcastHarness();
        h.Amplifier.Dead = true;
        h.Send("test", "test", Bodies.Test("silent"), id: "weekly");
        h.Run(15_000);

        Assert.AreEqual("received,playing,failed:amplifier_fault", States(h, "weekly"));
    }

    [TestMethod]
    public void A_growl_test_is_audible_for_at_most_three_seconds_and_passes()
    {
        var h = new BroadcastHarness();
        h.Set("bn.growl_ms", "3000");
        h.Send("test", "test", Bodies.Test("growl"), id: "growl-1");
        h.Run(15_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "growl-1"));
        long audible = h.Timeline.OnTimeMs("audible", h.WorldMs);
        Assert.IsTrue(audible > 0 && audible <= 3_000, "audible ms: " + audible);
        Assert.IsTrue(h.Events("test").Single().GetProperty("pass").GetBoolean());
    }

    [TestMethod]
    public void A_growl_test_with_no_load_current_fails()
    {
        var h = new BroadcastHarness();
        h.Amplifier.LineOpen[0] = true;
        h.Amplifier.LineOpen[1] = true;
        h.Send("test", "test", Bodies.Test("growl"), id: "growl-2");
        h.Run(15_000);

        Assert.AreEqual("received,playing,failed:no_load_current", States(h, "growl-2"));
    }

    [TestMethod]
    public void A_local_test_from_the_console_is_logged_and_reported_as_events()
    {
        var h = new BroadcastHarness();
        string reply = h.Console("test growl");
        StringAssert.Contains(reply, "growl test local-test-");
        h.Run(15_000);

        string bid = h.Events("local_result").First().GetProperty("bid").GetString();
        Assert.AreEqual("received,playing,succeeded", string.Join(",", h.LocalStates(bid)));
        Assert.IsTrue(h.Events("test").Single().GetProperty("local").GetBoolean());
        Assert.IsTrue(h.Sink.Lines.Any(l => l.Contains("growl_test started by console", System.StringComparison.Ordinal)));
    }

    [TestMethod]
    public void The_test_button_starts_a_silent_test()
    {
        var h = new BroadcastHarness();
        h.TestButton.Active = true;
        h.Run(200);
        h.TestButton.Active = false;
        h.Run(15_000);

        Assert.AreEqual(1, h.Events("test").Count);
        Assert.AreEqual("silent", h.Events("test").Single().GetProperty("test").GetString());
    }
}
