using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Scheduling;

/// <summary>Cancel as its own function, cancel-all as the fast stop, all-clear with its own clip.</summary>
[TestClass]
public sealed class CancelAndAllClearTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    [TestMethod]
    public void A_cancel_during_warm_up_never_closes_a_zone_relay()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(), id: "oops");
        h.Run(500);
        Assert.IsTrue(h.Amp.IsOn);
        h.Send("cancel", "live", Bodies.Cancel("oops"), id: "cancel-oops");
        h.Run(5_000);

        Assert.AreEqual("received,cancelled:cancel", States(h, "oops"));
        Assert.AreEqual("done", States(h, "cancel-oops"));
        Assert.AreEqual(-1, h.Timeline.First("zone1 on"));
        Assert.AreEqual(-1, h.Timeline.First("tone on"));
        Assert.IsTrue(h.Module.Chain.IsOff);
    }

    [TestMethod]
    public void A_cancel_mid_play_silences_at_once_and_reports_cancelled()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 60), id: "long");
        h.Run(5_000);
        long cancelAt = h.WorldMs;
        h.Send("cancel", "live", Bodies.Cancel("long"));
        h.Run(3_000);

        Assert.AreEqual("received,playing,cancelled:cancel", States(h, "long"));
        Assert.IsTrue(h.Timeline.First("tone off", cancelAt) - cancelAt <= 10, h.Timeline.ToString());
        Assert.IsTrue(h.Module.Chain.IsOff);
    }

    [TestMethod]
    public void A_cancel_that_overtakes_its_broadcast_keeps_it_from_ever_sounding()
    {
        var h = new BroadcastHarness();
        long broadcastSeq = h.NextSeq();
        h.Send("cancel", "live", Bodies.Cancel("late-1"), id: "cancel-late");
        byte[] late = h.Sign("broadcast", "live", Bodies.Warning(), id: "late-1", seq: broadcastSeq);
        h.Deliver(late);
        h.Run(10_000);

        Assert.AreEqual("done:not_found", States(h, "cancel-late"));
        Assert.AreEqual("rejected:already_handled", States(h, "late-1"));
        Assert.IsFalse(h.Timeline.Entries.Any(e => e.What == "amp on"));
    }

    [TestMethod]
    public void A_drill_cancel_cannot_stop_a_live_broadcast()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 10), id: "real");
        h.Run(3_000);
        h.Send("cancel", "drill", Bodies.Cancel("real"), id: "drill-cancel");
        h.Run(20_000);

        Assert.AreEqual("rejected:mode_conflict", States(h, "drill-cancel"));
        Assert.AreEqual("received,playing,succeeded", States(h, "real"));
    }

    [TestMethod]
    public void A_drill_cancel_all_stops_drills_and_tests_but_not_live()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", sirenS: 10), id: "real");
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 2), id: "exercise");
        h.Send("test", "test", Bodies.Test("growl"), id: "growl");
        h.Send("cancel", "drill", Bodies.CancelAll(), id: "drill-stop-all");
        h.Run(20_000);

        Assert.AreEqual("received,waiting,cancelled:cancel", States(h, "exercise"));
        Assert.AreEqual("received,waiting,cancelled:cancel", States(h, "growl"));
        Assert.AreEqual("received,playing,succeeded", States(h, "real"));
    }

    [TestMethod]
    public void A_live_cancel_all_is_the_fast_stop_for_everything()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 60), id: "a");
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 60), id: "b");
        h.Run(4_000);
        h.Send("cancel", "live", Bodies.CancelAll(), id: "stop-all");
        h.Run(2_000);

        Assert.AreEqual("received,playing,cancelled:cancel", States(h, "a"));
        Assert.AreEqual("received,waiting,cancelled:cancel", States(h, "b"));
        Assert.IsTrue(h.Module.Chain.IsOff);
        Assert.AreEqual(0, h.Module.Scheduler.HeldCount);
    }

    [TestMethod]
    public void An_all_clear_ends_the_broadcast_and_plays_its_own_clip_in_the_same_zones()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "II", sirenS: 60, zones: new[] { 2 }), id: "storm");
        h.Run(5_000);
        h.Send("allclear", "live", Bodies.AllClear("storm"), id: "storm-clear");
        h.Run(15_000);

        Assert.AreEqual("received,playing,cancelled:all_clear", States(h, "storm"));
        Assert.AreEqual("received,playing,succeeded", States(h, "storm-clear"));
        Assert.AreEqual(BroadcastHarness.AllClearClip, h.Player.Played.Last().Track);
        Assert.AreEqual(-1, h.Timeline.First("zone1 on"));
        Assert.AreEqual("allclear", h.Results().Last(r => r.GetProperty("cmd").GetString() == "storm-clear").GetProperty("kind").GetString());
    }

    [TestMethod]
    public void An_all_clear_plays_even_after_its_warning_already_ended()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "over");
        h.Run(12_000);
        h.Send("allclear", "live", Bodies.AllClear("over"), id: "over-clear");
        h.Run(12_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "over"));
        Assert.AreEqual("received,playing,succeeded", States(h, "over-clear"));
    }
}
