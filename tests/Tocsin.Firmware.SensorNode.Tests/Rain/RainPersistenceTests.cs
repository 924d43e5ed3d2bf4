using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.SensorNode.Levels;
using Tocsin.Firmware.SensorNode.Rain;
using Tocsin.Firmware.SensorNode.Tests.Support;

namespace Tocsin.Firmware.SensorNode.Tests.Rain;

/// <summary>
/// The rain ring's persistence: what flash holds after rain and dry minutes, and what a restart
/// brings back after torn, refused, old-format or clock-confused records.
/// </summary>
[TestClass]
public sealed class RainPersistenceTests
{
    [TestMethod]
    public void A_corrupt_rain_record_starts_empty_instead_of_reporting_garbage()
    {
        var h = new SensorHarness();
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(61_000, 1000);
        h.Flash.Corrupt("rain", 100);
        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(0, h.Module.Gauge.TotalX100(RainWindows.DayHours));
        Assert.IsTrue(h.Sink.Lines.Any(l => l.Contains("rain ring started empty", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_gauge_dry_for_a_day_leaves_its_rain_record_alone_and_one_with_rain_saves_its_minute_every_minute()
    {
        var h = new SensorHarness();
        h.Run(2 * 60_000, 1000);
        byte[] dry = h.Flash.Read("rain");
        Assert.IsNotNull(dry);
        h.Run(30 * 60_000, 1000);
        CollectionAssert.AreEqual(dry, h.Flash.Read("rain"), "thirty dry minutes rewrote an empty ring");
        Assert.IsNull(h.Flash.Read("rainmin"), "a dry ring wrote its minute");

        h.Gauge.Tip(h.NowMs + 100);
        h.Run(61_000, 1000);
        byte[] afterTip = h.Flash.Read("rain");
        CollectionAssert.AreNotEqual(dry, afterTip, "the tip did not reach flash within a minute");

        // With rain in the ring the saved minute keeps up, so a restart without synchronized time
        // resumes close to now instead of at the last tip (which would bring ended rain back); the
        // ring itself is not rewritten while no tip changes it.
        h.Run(2 * 60_000, 1000);
        byte[] minute = h.Flash.Read("rainmin");
        Assert.IsNotNull(minute, "the ring's minute was not saved while it held rain");
        h.Run(3 * 60_000, 1000);
        CollectionAssert.AreNotEqual(minute, h.Flash.Read("rainmin"), "the ring's minute stopped being saved while it held rain");
        CollectionAssert.AreEqual(afterTip, h.Flash.Read("rain"), "dry minutes rewrote the whole ring");

        h.Run(90 * 60_000, 1000);
        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(20, h.Module.Gauge.TotalX100(RainWindows.ThreeHours), "the tip (0.2 mm) is still within three hours after a restore");
        Assert.AreEqual(0, h.Module.Gauge.TotalX100(RainWindows.OneHour));
    }

    [TestMethod]
    public void A_restart_without_synchronized_time_resumes_at_the_saved_minute_not_at_the_last_tip()
    {
        var h = new SensorHarness(timeSynchronized: false);
        h.Run(60_000, 1000);
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(90 * 60_000, 1000);
        long before = h.Module.Gauge.Accumulator.CurrentMinute;

        h.Reboot();
        h.Tick(10);
        Assert.IsTrue(h.Module.Gauge.Accumulator.CurrentMinute >= before - 1, "resumed at minute " + h.Module.Gauge.Accumulator.CurrentMinute + ", not near " + before);
        Assert.AreEqual(0, h.Module.Gauge.TotalX100(RainWindows.OneHour), "the tip of 90 minutes ago came back into the hour");
        Assert.AreEqual(20, h.Module.Gauge.TotalX100(RainWindows.ThreeHours));
    }

    [TestMethod]
    public void A_torn_minute_record_falls_back_to_the_other_one_a_minute_older()
    {
        var h = RainThenThirtyDryMinutes(out long _);
        long before = h.Module.Gauge.Accumulator.CurrentMinute;
        h.Flash.Corrupt("rainmin", 3);

        h.Reboot();
        h.Tick(10);
        long resumed = h.Module.Gauge.Accumulator.CurrentMinute;
        Assert.IsTrue(resumed >= before - 1 && resumed <= before, "resumed at minute " + resumed + ", not near " + before);
        Assert.AreEqual(20, h.Module.Gauge.TotalX100(RainWindows.OneHour), "the tip the minute records carry was lost");
    }

    [TestMethod]
    public void With_both_minute_records_torn_the_ring_resumes_at_its_own_minute()
    {
        var h = RainThenThirtyDryMinutes(out long ringMinute);
        h.Flash.Corrupt("rainmin", 3);
        h.Flash.Corrupt("rainmin2", 3);

        h.Reboot();
        h.Tick(10);
        Assert.IsTrue(h.Module.Gauge.Accumulator.CurrentMinute <= ringMinute + 1, "a torn minute record was believed");
    }

    [TestMethod]
    public void Steady_rain_rewrites_the_ring_every_sixteen_minutes_and_a_restart_keeps_every_tip()
    {
        var h = new SensorHarness();
        h.Run(60_000, 1000);
        long start = h.NowMs;
        for (int i = 0; i < 30; i++)
        {
            h.ScheduleTip(start + 1000 + (i * 120_000L)); // 0.2 mm every 2 minutes = 6 mm/h
        }

        int ringWrites = 0;
        byte[] ring = h.Flash.Read("rain");
        for (int minute = 0; minute < 59; minute++)
        {
            h.Run(60_000, 1000);
            byte[] now = h.Flash.Read("rain");
            ringWrites += now.SequenceEqual(ring) ? 0 : 1;
            ring = now;
        }

        Assert.IsTrue(ringWrites >= 3 && ringWrites <= 4, ringWrites + " ring writes in an hour of tips every 2 minutes");
        Assert.AreEqual(30 * 20, h.Module.Gauge.TotalX100(RainWindows.OneHour));
        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(30 * 20, h.Module.Gauge.TotalX100(RainWindows.OneHour), "a tip was lost in the restart");
    }

    [TestMethod]
    public void A_minute_record_of_earlier_firmware_without_tips_still_moves_its_ring_forward()
    {
        // The ring is saved dry at the start, and again with a tip twenty minutes on (outside the first
        // ring's minute record); a second tip a minute later rides in the minute records only.
        var h = new SensorHarness(timeSynchronized: false);
        h.Run(20 * 60_000, 1000);
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(61_000, 1000);
        h.ScheduleTip(h.NowMs + 1000);
        h.Run(20 * 60_000, 1000);
        byte[] ring = h.Flash.Read("rain");
        long ringMinute = (long)BitConverter.ToUInt64(ring, 0);
        long at = h.Module.Gauge.Accumulator.CurrentMinute;

        // Earlier firmware's 20-byte record: the ring's minute, the minute it is at, the CRC of both.
        byte[] old = new byte[20];
        BitConverter.GetBytes((ulong)ringMinute).CopyTo(old, 0);
        BitConverter.GetBytes((ulong)at).CopyTo(old, 8);
        BitConverter.GetBytes(Tocsin.Firmware.Util.Crc32.Compute(old, 0, 16)).CopyTo(old, 16);
        h.Flash.Delete("rainmin2");
        h.Flash.Write("rainmin", old, old.Length);

        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(at, h.Module.Gauge.Accumulator.CurrentMinute);
        Assert.AreEqual(20, h.Module.Gauge.TotalX100(RainWindows.OneHour), "the ring's own tip, without the one only the newer records carried");
    }

    // A tip saved with the ring, then thirty dry minutes saved by the minute records alone (the time
    // is not synchronized, so a restart resumes where flash says).
    private static SensorHarness RainThenThirtyDryMinutes(out long ringMinute)
    {
        var h = new SensorHarness(timeSynchronized: false);
        h.Run(60_000, 1000);
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(61_000, 1000);
        ringMinute = h.Module.Gauge.Accumulator.CurrentMinute;
        h.Run(30 * 60_000, 1000);
        Assert.IsNotNull(h.Flash.Read("rainmin"));
        Assert.IsNotNull(h.Flash.Read("rainmin2"));
        return h;
    }

    [TestMethod]
    public void A_minute_record_left_from_before_a_clock_reset_never_moves_the_new_ring()
    {
        var h = new SensorHarness();
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(10 * 60_000, 1000);
        Assert.IsNotNull(h.Flash.Read("rainmin"));

        // The clock comes back two hours earlier: the old ring cannot be placed and starts dry.
        h.Clock.Restart();
        h.Clock.UtcAtZeroMs -= 2 * 3_600_000;
        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(0, h.Module.Gauge.TotalX100(RainWindows.DayHours));

        // New rain, saved within the minute; a restart soon after must keep it.
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(70_000, 1000);
        h.Clock.Restart();
        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(20, h.Module.Gauge.TotalX100(RainWindows.OneHour), "the new ring was cleared by the minute record of the old one");
    }

    [TestMethod]
    public void A_ring_that_a_full_flash_refuses_still_gets_its_minute_moved_forward()
    {
        // The ring is saved dry at the start and with a tip at minute 1 (in its minute records); a tip
        // twenty minutes on needs the ring written again, which the full flash refuses.
        var h = new SensorHarness(timeSynchronized: false);
        h.Run(60_000, 1000);
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(20 * 60_000, 1000);
        byte[] ring = h.Flash.Read("rain");
        h.Flash.FailWritesLargerThan = 100;
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(90 * 60_000, 1000);
        CollectionAssert.AreEqual(ring, h.Flash.Read("rain"), "the ring was written after all");

        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(0, h.Module.Gauge.TotalX100(RainWindows.OneHour), "the restart went back to the minute of the ring flash still holds");
        Assert.AreEqual(20, h.Module.Gauge.TotalX100(RainWindows.ThreeHours), "the first tip, which the minute records carry, was lost");
    }

    [TestMethod]
    public void Minute_records_of_the_same_minute_give_each_minute_its_larger_count()
    {
        // A clock stepped back can give both records one minute; the ring's counts only grow, so the
        // larger count is the later one whichever key holds it.
        var h = new SensorHarness(timeSynchronized: false);
        h.Run(3 * 60_000, 1000);
        byte[] ring = h.Flash.Read("rain");
        long ringMinute = (long)BitConverter.ToUInt64(ring, 0);
        h.Flash.Write("rainmin", MinuteRecord(ringMinute, ringMinute + 5, (1, 4), (2, 1)), 36);
        h.Flash.Write("rainmin2", MinuteRecord(ringMinute, ringMinute + 5, (1, 2), (2, 3)), 36);

        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(ringMinute + 5, h.Module.Gauge.Accumulator.CurrentMinute);
        Assert.AreEqual((4 + 3) * 20, h.Module.Gauge.TotalX100(RainWindows.OneHour));
    }

    // A minute record of this firmware: the ring's minute, the minute it is at, the tips of the ring's
    // first 16 minutes (given as minute offset and count), the CRC of all that.
    private static byte[] MinuteRecord(long ringMinute, long at, params (int Offset, byte Tips)[] tips)
    {
        byte[] record = new byte[36];
        BitConverter.GetBytes((ulong)ringMinute).CopyTo(record, 0);
        BitConverter.GetBytes((ulong)at).CopyTo(record, 8);
        foreach (var (offset, count) in tips)
        {
            record[16 + offset] = count;
        }

        BitConverter.GetBytes(Tocsin.Firmware.Util.Crc32.Compute(record, 0, 32)).CopyTo(record, 32);
        return record;
    }
}
