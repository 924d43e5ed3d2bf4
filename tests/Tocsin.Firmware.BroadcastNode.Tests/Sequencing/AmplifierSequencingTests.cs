using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Sequencing;

/// <summary>Relays off at boot; amplifier, warm-up, zones, audio, and back, with the interlocks.</summary>
[TestClass]
public sealed class AmplifierSequencingTests
{
    [TestMethod]
    public void Relays_and_tone_are_switched_off_at_boot_before_anything_else()
    {
        var h = new BroadcastHarness();
        // The pins came up energized (a GPIO default, a latching driver): the firmware must not trust them.
        h.Amp.Write(true);
        h.Zones[0].Write(true);
        h.Zones[1].Write(true);
        h.Tone.SetTone(900);
        h.Reboot();

        Assert.AreEqual("amp=off zones=00 tone=0", h.StateAfterConstruction);
        Assert.IsTrue(h.Player.StopCount >= 1, "the clip player keeps playing through a board reset; it must be told to stop");
    }

    [TestMethod]
    public void A_broadcast_powers_the_amplifier_warms_up_closes_the_zones_and_only_then_plays()
    {
        var h = new BroadcastHarness();
        long t0 = h.WorldMs;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 4, clips: new[] { 10 }));
        h.Run(15_000);

        long ampOn = h.Timeline.First("amp on", t0);
        long zone1On = h.Timeline.First("zone1 on", t0);
        long zone2On = h.Timeline.First("zone2 on", t0);
        long toneOn = h.Timeline.First("tone on", t0);
        Assert.IsTrue(ampOn >= 0, h.Timeline.ToString());
        Assert.IsTrue(zone1On - ampOn >= 1500, "warm-up before zones: " + h.Timeline);
        Assert.AreEqual(zone1On, zone2On);
        Assert.IsTrue(toneOn - zone1On >= 200, "zones settle before audio: " + h.Timeline);
    }

    [TestMethod]
    public void After_the_audio_the_zones_open_and_then_the_amplifier_with_interlocks()
    {
        var h = new BroadcastHarness();
        long t0 = h.WorldMs;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 4, clips: new[] { 10 }));
        h.Run(20_000);

        long clipEnd = h.Timeline.First("clip 0", h.Timeline.First("clip 10", t0));
        long zonesOff = h.Timeline.First("zone1 off", clipEnd);
        long ampOff = h.Timeline.First("amp off", clipEnd);
        Assert.IsTrue(clipEnd > 0, h.Timeline.ToString());
        Assert.IsTrue(zonesOff - clipEnd >= 200, "audio drains before zones open: " + h.Timeline);
        Assert.IsTrue(ampOff - zonesOff >= 200, "zones open before the amplifier goes off: " + h.Timeline);
        Assert.IsTrue(h.Module.Chain.IsOff);
    }

    [TestMethod]
    public void The_siren_plays_before_the_clips_for_its_length_and_the_clips_in_order()
    {
        var h = new BroadcastHarness();
        long t0 = h.WorldMs;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 4, clips: new[] { 10, 11 }, repeat: 2));
        h.Run(40_000);

        CollectionAssert.AreEqual(new[] { 10, 11, 10, 11 }, h.Player.Played.Select(p => p.Track).ToArray());
        Assert.AreEqual(2, h.Tone.StartCount);
        long toneOn = h.Timeline.First("tone on", t0);
        long toneOff = h.Timeline.First("tone off", toneOn);
        Assert.IsTrue(toneOff - toneOn >= 4000 && toneOff - toneOn <= 4100, "siren length: " + (toneOff - toneOn));
    }

    [TestMethod]
    public void Every_activation_is_cut_at_the_longest_activation_allowed()
    {
        var h = new BroadcastHarness();
        h.Set("bn.max_activation_s", "10");
        long t0 = h.WorldMs;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 120, clips: new[] { 10 }), id: "stuck-1");
        h.Run(30_000);

        Assert.AreEqual("received,playing,expired:max_duration", string.Join(",", h.States("stuck-1")));
        long toneOff = h.Timeline.First("tone off", h.Timeline.First("tone on", t0));
        Assert.IsTrue(toneOff - t0 <= 10_100, "silenced at the cap: " + h.Timeline);
        Assert.IsTrue(h.Module.Chain.IsOff);
    }

    [TestMethod]
    public void Consecutive_broadcasts_keep_the_amplifier_on_and_only_switch_zones()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(level: "I", sirenS: 3, clips: new[] { 10 }, zones: new[] { 1 }), id: "a");
        h.Send("broadcast", "live", Bodies.Warning(level: "II", sirenS: 3, clips: new[] { 11 }, zones: new[] { 2 }), id: "b");
        h.Run(30_000);

        Assert.AreEqual(1, h.Timeline.All("amp on").Count, h.Timeline.ToString());
        long zone1Off = h.Timeline.First("zone1 off", h.Timeline.First("zone1 on"));
        long zone2On = h.Timeline.First("zone2 on");
        Assert.IsTrue(zone2On - zone1Off >= 200, "the old zone opens, then the new one closes: " + h.Timeline);
        Assert.AreEqual("received,waiting,playing,succeeded", string.Join(",", h.States("b")));
    }

    [TestMethod]
    public void A_new_zone_count_waits_for_the_running_broadcast_to_end_then_applies()
    {
        var h = new BroadcastHarness(zones: 3);
        Assert.AreEqual(2, h.Module.Chain.ZoneCount);
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 5, clips: new[] { 10 }), id: "storm");
        Assert.IsTrue(h.RunUntil(() => !h.Module.Chain.IsOff, 5_000));

        h.Set("bn.zones", "3");
        h.Run(2_000);
        Assert.IsFalse(h.Module.Chain.IsOff);
        Assert.AreEqual(2, h.Module.Chain.ZoneCount, "zones renumbered under a running broadcast");

        Assert.IsTrue(h.RunUntil(() => h.Module.Chain.IsOff, 60_000), "the broadcast did not end: " + h.Timeline);
        h.Tick(50);
        Assert.AreEqual(3, h.Module.Chain.ZoneCount, "the new zone count was never applied");
        Assert.AreEqual("received,playing,succeeded", string.Join(",", h.States("storm")));
    }
}
