using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Persistence;

/// <summary>Never twice, never stale: what a restart does to held broadcasts.</summary>
[TestClass]
public sealed class RebootTests
{
    private static string States(BroadcastHarness h, string id) => string.Join(",", h.States(id));

    [TestMethod]
    public void A_reboot_mid_play_resumes_a_still_valid_live_broadcast_once_from_its_start()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 6, clips: new[] { 10 }), id: "storm-1");
        h.Run(4_000);
        h.Reboot();
        h.Run(30_000);

        Assert.AreEqual("received,playing,playing,succeeded", States(h, "storm-1"));
        Assert.AreEqual(2, h.Tone.StartCount);
    }

    [TestMethod]
    public void A_second_reboot_during_the_resumed_broadcast_gives_it_up()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 20), id: "storm-2");
        h.Run(4_000);
        h.Reboot("brownout");
        h.Run(4_000);
        h.Reboot("brownout");
        h.Run(30_000);

        Assert.AreEqual("received,playing,playing,failed:rebooted", States(h, "storm-2"));
        Assert.IsTrue(h.Module.Chain.IsOff);
    }

    [TestMethod]
    public void A_reboot_mid_drill_ends_the_drill_as_failed_rebooted()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 20), id: "ex-9");
        h.Run(6_000);
        h.Reboot();
        h.Run(20_000);

        Assert.AreEqual("received,playing,failed:rebooted", States(h, "ex-9"));
        Assert.AreEqual(1, h.Player.Played.Count(p => p.Track == BroadcastHarness.DrillClip));
    }

    [TestMethod]
    public void A_live_broadcast_that_expired_while_the_node_was_down_is_reported_expired()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 20, expires: h.Clock.TrueUtcMs + 30_000), id: "gone");
        h.Run(4_000);
        h.Clock.Advance(60_000);
        h.Reboot();
        h.Run(5_000);

        Assert.AreEqual("received,playing,expired", States(h, "gone"));
        Assert.AreEqual(1, h.Tone.StartCount);
    }

    [TestMethod]
    public void Without_trusted_time_after_a_reboot_a_held_live_broadcast_is_given_up_after_a_minute()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 20), id: "no-sync");
        h.Run(4_000);
        h.Clock.Synchronized = false;
        h.Reboot();
        h.Run(30_000, 500);
        Assert.AreEqual("received,playing", States(h, "no-sync"));
        h.Run(40_000, 500);

        Assert.AreEqual("received,playing,failed:rebooted", States(h, "no-sync"));
        Assert.AreEqual(1, h.Tone.StartCount);
    }

    [TestMethod]
    public void A_replayed_command_after_a_reboot_never_sounds()
    {
        var h = new BroadcastHarness();
        byte[] envelope = h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "replay-me");
        h.Run(12_000);
        h.Reboot();
        h.Deliver(envelope);
        h.Run(12_000);

        Assert.AreEqual(1, h.Tone.StartCount);
        Assert.AreEqual(1, h.Runtime.Security.ReplayTotal);
    }

    [TestMethod]
    public void A_finished_broadcast_resent_under_a_new_sequence_after_a_reboot_is_refused()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "resent");
        h.Run(12_000);
        h.Reboot();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "resent");
        h.Run(12_000);

        Assert.AreEqual("received,playing,succeeded,rejected:already_handled", States(h, "resent"));
        Assert.AreEqual(1, h.Tone.StartCount);
    }

    [TestMethod]
    public void A_waiting_broadcast_survives_a_reboot_and_plays_at_its_start_time()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2, start: h.Clock.TrueUtcMs + 30_000), id: "scheduled");
        h.Run(5_000);
        h.Reboot();
        h.Run(15_000);
        Assert.IsFalse(h.Timeline.Entries.Any(e => e.What == "amp on"));
        h.Run(20_000);

        Assert.AreEqual("received,waiting,playing,succeeded", States(h, "scheduled"));
    }

    [TestMethod]
    public void A_corrupt_held_record_is_discarded_and_nothing_sounds()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 20), id: "corrupt");
        h.Run(4_000);
        h.Flash.Corrupt("bnheld", 5);
        h.Reboot();
        h.Run(20_000);

        Assert.AreEqual(1, h.Tone.StartCount);
        Assert.IsTrue(h.Sink.Lines.Any(l => l.Contains("held-broadcast record corrupt", System.StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_local_test_cut_by_a_reboot_still_gets_a_final_result()
    {
        var h = new BroadcastHarness();
        h.Console("test silent");
        h.Run(2_500);
        string bid = h.Events("local_result").First().GetProperty("bid").GetString();
        h.Reboot();
        h.Run(5_000);

        Assert.AreEqual("received,playing,failed:rebooted", string.Join(",", h.LocalStates(bid)));
    }
}
