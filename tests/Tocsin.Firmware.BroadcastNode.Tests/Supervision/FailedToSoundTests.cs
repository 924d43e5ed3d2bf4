using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Supervision;

/// <summary>Every way a speaker can fail to sound is noticed, reported with its reason, and raised as a fault.</summary>
[TestClass]
public sealed class FailedToSoundTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    private static string Faults(BroadcastHarness h) =>
        string.Join(",", h.Events("fault").Select(e => e.GetProperty("fault").GetString() + (e.GetProperty("active").GetBoolean() ? "+" : "-")));

    [TestMethod]
    public void No_load_current_fails_the_broadcast_but_it_keeps_sounding_to_the_end()
    {
        var h = new BroadcastHarness();
        h.Amplifier.LineOpen[0] = true;
        h.Amplifier.LineOpen[1] = true;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 6, clips: new[] { 10 }), id: "cut-line");
        h.Run(20_000);

        Assert.AreEqual("received,playing,failed:no_load_current", States(h, "cut-line"));
        Assert.AreEqual(1, h.Player.Played.Count, "one failed check must not silence the rest of the program");
        Assert.AreEqual("line+", Faults(h));
    }

    [TestMethod]
    public void One_open_line_out_of_two_still_carries_load_and_does_not_fail()
    {
        var h = new BroadcastHarness();
        h.Amplifier.LineOpen[1] = true;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "half");
        h.Run(15_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "half"));
    }

    [TestMethod]
    public void A_line_fault_clears_with_an_event_when_a_later_broadcast_draws_load()
    {
        var h = new BroadcastHarness();
        h.Amplifier.LineOpen[0] = true;
        h.Amplifier.LineOpen[1] = true;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 4, clips: System.Array.Empty<int>()), id: "b1");
        h.Run(12_000);
        h.Amplifier.LineOpen[0] = false;
        h.Amplifier.LineOpen[1] = false;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 4, clips: System.Array.Empty<int>()), id: "b2");
        h.Run(12_000);

        Assert.AreEqual("line+,line-", Faults(h));
        Assert.AreEqual("received,playing,succeeded", States(h, "b2"));
    }

    [TestMethod]
    public void A_dead_player_fails_the_clips_but_the_siren_still_warns()
    {
        var h = new BroadcastHarness();
        h.Player.Dead = true;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 4, clips: new[] { 10 }), id: "mute-player");
        h.Run(20_000);

        Assert.AreEqual("received,playing,failed:player_not_answering", States(h, "mute-player"));
        Assert.IsTrue(h.Timeline.OnTimeMs("audible", h.WorldMs) >= 4_000, "the siren sounded: " + h.Timeline);
        StringAssert.Contains(Faults(h), "player+");
    }

    [TestMethod]
    public void A_player_that_comes_back_clears_its_fault()
    {
        var h = new BroadcastHarness();
        h.Player.Dead = true;
        h.Run(30_000);
        Assert.IsTrue(h.Module.Player.NotAnswering);
        h.Player.Dead = false;
        h.Run(15_000);

        Assert.AreEqual("player+,player-", Faults(h));
    }

    [TestMethod]
    public void A_clip_missing_from_the_card_is_reported()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(siren: "none", clips: new[] { 99, 10 }), id: "typo");
        h.Run(20_000);

        Assert.AreEqual("received,playing,failed:clip_missing", States(h, "typo"));
        Assert.AreEqual(10, h.Player.Played.Single().Track, "the clips that exist still play");
    }

    [TestMethod]
    public void A_zone_relay_stuck_open_is_a_relay_fault()
    {
        var h = new BroadcastHarness();
        h.Zones[0].StuckAt = false;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 3), id: "stuck-open");
        h.Run(15_000);

        Assert.AreEqual("received,playing,failed:relay_fault", States(h, "stuck-open"));
        var fault = h.Events("fault").First();
        Assert.AreEqual("relay", fault.GetProperty("fault").GetString());
        Assert.AreEqual(1, fault.GetProperty("relays").GetInt32());
    }

    [TestMethod]
    public void A_welded_zone_relay_is_reported_when_it_fails_to_open()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "weld");
        h.Run(4_000);
        h.Zones[1].StuckAt = true;
        h.Run(15_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "weld"));
        var fault = h.Events("fault").Single();
        Assert.AreEqual("relay", fault.GetProperty("fault").GetString());
        Assert.AreEqual(2, fault.GetProperty("relays").GetInt32());
        StringAssert.Contains(h.Console("relays"), "zone 2: open feedback=closed FAULT");
    }

    [TestMethod]
    public void A_welded_amplifier_relay_is_found_by_the_current_after_power_off()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "amp-weld");
        h.Run(4_000);
        h.Amp.StuckAt = true;
        h.Run(15_000);

        var fault = h.Events("fault").Single();
        Assert.AreEqual(1 << 15, fault.GetProperty("relays").GetInt32());
    }

    [TestMethod]
    public void A_dead_amplifier_is_an_amplifier_fault()
    {
        var h = new BroadcastHarness();
        h.Amplifier.Dead = true;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 3), id: "no-amp");
        h.Run(15_000);

        Assert.AreEqual("received,playing,failed:amplifier_fault", States(h, "no-amp"));
        StringAssert.Contains(Faults(h), "amplifier+");
    }
}
