using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Scheduling;

/// <summary>Who sounds when several broadcasts are held.</summary>
[TestClass]
public sealed class PreemptionTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    [TestMethod]
    public void A_higher_level_preempts_a_lower_one_which_resumes_from_its_start_afterwards()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "III", sirenS: 6, clips: new[] { 10 }), id: "yellow");
        h.Run(4_000);
        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 2, clips: new[] { 11 }), id: "red");
        h.Run(40_000);

        Assert.AreEqual("received,playing,preempted,playing,succeeded", States(h, "yellow"));
        Assert.AreEqual("received,playing,succeeded", States(h, "red"));
        // The red clip plays before yellow's, which restarts its whole sequence.
        CollectionAssert.AreEqual(new[] { 11, 10 }, h.Player.Played.Select(p => p.Track).ToArray());
        Assert.AreEqual(3, h.Tone.StartCount);
    }

    [TestMethod]
    public void A_lower_level_waits_for_the_higher_one_to_finish()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "II", sirenS: 2), id: "orange");
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", sirenS: 2), id: "blue");
        h.Run(40_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "orange"));
        Assert.AreEqual("received,waiting,playing,succeeded", States(h, "blue"));
    }

    [TestMethod]
    public void An_equal_priority_never_cuts_off_the_one_sounding_and_takes_its_turn()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "II", sirenS: 2), id: "first");
        h.Run(3_000);
        h.Send("broadcast", "live", Bodies.Warning(level: "II", sirenS: 2), id: "second");
        h.Run(40_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "first"));
        Assert.AreEqual("received,waiting,playing,succeeded", States(h, "second"));
    }

    [TestMethod]
    public void Live_info_preempts_a_red_drill_and_the_drill_resumes()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "drill", Bodies.Warning(level: "I", sirenS: 4), id: "drill-red");
        h.Run(6_000);
        h.Send("broadcast", "live", Bodies.Warning(level: "info", siren: "none", clips: new[] { 12 }), id: "live-info");
        h.Run(60_000);

        Assert.AreEqual("received,playing,preempted,playing,succeeded", States(h, "drill-red"));
        Assert.AreEqual("received,playing,succeeded", States(h, "live-info"));
    }

    [TestMethod]
    public void A_drill_never_preempts_a_live_broadcast()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", sirenS: 4), id: "live-blue");
        h.Run(3_000);
        h.Send("broadcast", "drill", Bodies.Warning(level: "I", sirenS: 2), id: "drill-red");
        h.Run(40_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "live-blue"));
        Assert.AreEqual("received,waiting,playing,succeeded", States(h, "drill-red"));
    }

    [TestMethod]
    public void Live_preempts_a_test()
    {
        var h = new BroadcastHarness();
        h.Set("bn.pilot_ms", "3000");
        h.Send("test", "test", Bodies.Test("silent"), id: "weekly-test");
        h.Run(3_000);
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", sirenS: 2), id: "live");
        h.Run(40_000);

        Assert.AreEqual("received,playing,succeeded", States(h, "live"));
        Assert.AreEqual("received,playing,preempted,playing,succeeded", States(h, "weekly-test"));
    }

    [TestMethod]
    public void An_update_of_the_same_broadcast_replaces_it_and_plays_the_new_content()
    {
        var h = new BroadcastHarness();
        long firstSeq = h.NextSeq();
        h.Send("broadcast", "live", Bodies.Warning(level: "III", siren: "none", clips: new[] { 10 }), id: "flood-7", seq: firstSeq);
        h.Run(3_000);
        h.Send("broadcast", "live", Bodies.Warning(level: "II", siren: "none", clips: new[] { 11 }), id: "flood-7");
        h.Run(20_000);

        var results = h.Results().Where(r => r.GetProperty("cmd").GetString() == "flood-7").ToList();
        var first = results.Where(r => r.GetProperty("cseq").GetInt64() == firstSeq).Select(BroadcastHarness.StateText);
        var second = results.Where(r => r.GetProperty("cseq").GetInt64() != firstSeq).Select(BroadcastHarness.StateText);
        Assert.AreEqual("received,playing,cancelled:superseded", string.Join(",", first));
        Assert.AreEqual("received,playing,succeeded", string.Join(",", second));
        Assert.AreEqual(10, h.Player.Played[0].Track);
        Assert.AreEqual("replaced", h.Player.Played[0].EndReason ?? "replaced");
        Assert.AreEqual(11, h.Player.Played.Last().Track);
    }

    [TestMethod]
    public void An_older_version_arriving_after_a_newer_one_is_refused_as_outdated()
    {
        var h = new BroadcastHarness();
        long older = h.NextSeq();
        long newer = h.NextSeq();
        h.Send("broadcast", "live", Bodies.Warning(level: "II", sirenS: 4), id: "flood-8", seq: newer);
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", sirenS: 4), id: "flood-8", seq: older);
        h.Run(20_000);

        Assert.AreEqual("received,rejected:outdated,playing,succeeded", States(h, "flood-8"));
    }

    [TestMethod]
    public void A_preempted_broadcast_whose_validity_ended_meanwhile_does_not_resume()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", sirenS: 10, expires: h.Clock.TrueUtcMs + 8_000), id: "brief");
        h.Run(3_000);
        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 10), id: "long-red");
        h.Run(40_000);

        Assert.AreEqual("received,playing,preempted,expired", States(h, "brief"));
        Assert.AreEqual(2, h.Tone.StartCount);
    }

    [TestMethod]
    public void When_every_slot_is_taken_the_least_important_waiting_broadcast_gives_way()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 30), id: "s1");
        h.Send("broadcast", "live", Bodies.Warning(level: "IV", sirenS: 2), id: "s2");
        h.Send("broadcast", "live", Bodies.Warning(level: "III", sirenS: 2), id: "s3");
        h.Send("broadcast", "drill", Bodies.Warning(level: "IV", sirenS: 2), id: "s4");
        h.Send("broadcast", "live", Bodies.Warning(level: "II", sirenS: 2), id: "s5");
        h.Send("test", "test", Bodies.Test("growl"), id: "s6");
        h.Run(1_000);

        Assert.AreEqual("received,waiting,preempted:queue_full", States(h, "s4"));
        Assert.AreEqual("rejected:queue_full", States(h, "s6"));
        Assert.AreEqual(4, h.Module.Scheduler.HeldCount);
    }
}
