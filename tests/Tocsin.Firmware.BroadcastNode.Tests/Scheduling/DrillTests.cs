using System;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Scheduling;

/// <summary>Drills sound different and can never become live.</summary>
[TestClass]
public sealed class DrillTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    [TestMethod]
    public void A_drill_always_opens_with_the_this_is_a_drill_clip()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 2, clips: new[] { 10 }), id: "drill-1");
        h.Run(20_000);

        CollectionAssert.AreEqual(new[] { BroadcastHarness.DrillClip, 10 }, h.Player.Played.Select(p => p.Track).ToArray());
        long openingEnd = h.Timeline.First("clip 0", h.Timeline.First("clip " + BroadcastHarness.DrillClip));
        Assert.IsTrue(h.Timeline.First("tone on") >= openingEnd, "nothing sounds before the drill opening: " + h.Timeline);
    }

    [TestMethod]
    public void A_resumed_drill_opens_with_the_drill_clip_again()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 2, clips: new[] { 10 }), id: "drill-2");
        h.Run(5_000);
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", siren: "none", clips: new[] { 12 }), id: "live-2");
        h.Run(40_000);

        // Preempted during its siren, after the opening: the opening plays again when it resumes.
        CollectionAssert.AreEqual(new[] { BroadcastHarness.DrillClip, 12, BroadcastHarness.DrillClip, 10 },
            h.Player.Played.Select(p => p.Track).ToArray(), string.Join(",", h.Player.Played.Select(p => p.Track)));
    }

    [TestMethod]
    public void A_live_command_cannot_update_a_drill_broadcast()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 8), id: "ex-1");
        h.Run(2_000);
        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 8), id: "ex-1");
        h.Run(20_000);

        Assert.AreEqual("received,playing,rejected:mode_conflict,succeeded", States(h, "ex-1"));
    }

    [TestMethod]
    public void A_drill_command_cannot_update_a_live_broadcast()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 8), id: "real-1");
        h.Run(2_000);
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 2), id: "real-1");
        h.Run(20_000);

        Assert.AreEqual("received,playing,rejected:mode_conflict,succeeded", States(h, "real-1"));
    }

    [TestMethod]
    public void A_drill_altered_into_live_on_the_way_fails_authentication_and_nothing_sounds()
    {
        var h = new BroadcastHarness();
        string drill = Encoding.UTF8.GetString(h.Sign("broadcast", "drill", Bodies.Warning(level: "I"), id: "forged"));
        string live = drill.Replace("\"mode\":\"drill\"", "\"mode\":\"live\"", StringComparison.Ordinal);
        h.Deliver(Encoding.UTF8.GetBytes(live));
        h.Run(5_000);

        Assert.AreEqual(1, h.Runtime.Security.BadMacTotal);
        Assert.AreEqual(0, h.States("forged").Count);
        Assert.IsFalse(h.Amp.IsOn);
    }

    [TestMethod]
    public void An_all_clear_for_a_drill_must_itself_be_a_drill_and_opens_with_the_drill_clip()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 30), id: "ex-3");
        h.Run(5_000);
        h.Send("allclear", "live", Bodies.AllClear("ex-3"), id: "live-clear");
        h.Send("allclear", "drill", Bodies.AllClear("ex-3"), id: "drill-clear");
        h.Run(20_000);

        Assert.AreEqual("rejected:mode_conflict", States(h, "live-clear"));
        Assert.AreEqual("received,playing,succeeded", States(h, "drill-clear"));
        CollectionAssert.AreEqual(new[] { BroadcastHarness.DrillClip, BroadcastHarness.DrillClip, BroadcastHarness.AllClearClip },
            h.Player.Played.Select(p => p.Track).ToArray());
    }

    [TestMethod]
    [DataRow("broadcast", "test")]
    [DataRow("test", "live")]
    [DataRow("test", "drill")]
    [DataRow("allclear", "test")]
    public void A_command_whose_mode_does_not_fit_its_kind_is_refused(string kind, string mode)
    {
        var h = new BroadcastHarness();
        h.Send(kind, mode, kind == "test" ? Bodies.Test("growl") : Bodies.Warning(), id: "odd");
        h.Run(3_000);

        Assert.AreEqual("rejected:wrong_mode", States(h, "odd"));
        Assert.IsFalse(h.Amp.IsOn);
    }
}
