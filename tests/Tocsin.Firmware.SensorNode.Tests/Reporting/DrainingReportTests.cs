using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.SensorNode.Levels;
using Tocsin.Firmware.SensorNode.Tests.Support;

namespace Tocsin.Firmware.SensorNode.Tests.Reporting;

/// <summary>
/// At a raised depth level reports are fast while the water stands or rises, and normal once it
/// drains (falls by depth.drain_mm10m or more in 10 minutes); every level it falls through still
/// goes out at once as an event.
/// </summary>
[TestClass]
public sealed class DrainingReportTests
{
    [TestMethod]
    public void Water_standing_at_a_raised_level_keeps_reports_fast()
    {
        SensorHarness h = Flooded(600);
        int before = h.Distinct("report").Count;
        h.Run(10 * 60_000, 500);
        Assert.IsTrue(h.Module.FastReporting);
        int reports = h.Distinct("report").Count - before;
        Assert.IsTrue(reports >= 19 && reports <= 23, "reports in 10 minutes at a standing red level: " + reports);
        Assert.AreEqual(10_000, h.Module.Depth.ReadingIntervalMs);
    }

    [TestMethod]
    public void Draining_water_reports_at_the_normal_period_and_each_level_it_falls_through_at_once()
    {
        SensorHarness h = Flooded(600);
        int levelEvents = h.Events("depth_level").Count;

        // 5 mm a minute, 50 mm per 10 minutes: from 600 mm through orange (300 mm, left below 280 mm).
        long from = h.NowMs;
        Drain(h, from, 600, 5, 10 * 60_000);
        Assert.IsFalse(h.Module.FastReporting, "draining: reports back to normal");
        Assert.AreEqual(60_000, h.Module.Depth.ReadingIntervalMs, "and readings back to once a minute");

        int before = h.Distinct("report").Count;
        long normalFrom = h.NowMs;
        long redLeftAt = -1;
        while (h.Module.Depth.Levels.Level != WarningLevel.Yellow && h.NowMs - from < 90 * 60_000)
        {
            Drain(h, from, 600, 5, 500);
            if (redLeftAt < 0 && h.Module.Depth.Levels.Level == WarningLevel.Orange)
            {
                redLeftAt = h.NowMs;
            }
        }

        long yellowAt = h.NowMs;
        long crossedRed = from + ((600 - 480) * 60_000L / 5);
        long crossedOrange = from + ((600 - 280) * 60_000L / 5);
        // Readings come once a minute and the filtered depth lags a reading: within 75 s of the water.
        Assert.AreEqual(WarningLevel.Yellow, h.Module.Depth.Levels.Level);
        Assert.IsTrue(redLeftAt - crossedRed <= 75_000, "red left " + (redLeftAt - crossedRed) + " ms after the water fell below it");
        Assert.IsTrue(yellowAt - crossedOrange <= 75_000, "orange left " + (yellowAt - crossedOrange) + " ms after the water fell below it");
        Assert.AreEqual(levelEvents + 2, h.Events("depth_level").Count, "each level fallen through went out as an event");
        Assert.AreEqual("yellow", h.Events("depth_level").Last().GetProperty("level").GetString());

        int reports = h.Distinct("report").Count - before;
        double minutes = (yellowAt - normalFrom) / 60_000.0;
        Assert.IsTrue(reports <= (minutes / 4.5) + 2, reports + " reports in " + minutes + " minutes of draining");
    }

    [TestMethod]
    public void Water_that_stops_draining_at_a_raised_level_brings_fast_reports_back()
    {
        SensorHarness h = Flooded(600);
        long from = h.NowMs;
        Drain(h, from, 600, 5, 10 * 60_000);
        Assert.IsFalse(h.Module.FastReporting);

        // It stops at 550 mm, still red: within the 10-minute window the fall drops under the setting.
        int standing = h.Module.Depth.Filter.DepthMm;
        long stoppedAt = h.NowMs;
        while (!h.Module.FastReporting && h.NowMs - stoppedAt < 15 * 60_000)
        {
            h.Ultrasonic.WaterDepthMm = standing;
            h.Tick(500);
        }

        Assert.IsTrue(h.Module.FastReporting, "standing again at red: fast");
        Assert.IsTrue(h.NowMs - stoppedAt <= 4 * 60_000, "fast again " + (h.NowMs - stoppedAt) + " ms after the water stopped falling");
        Assert.AreEqual(WarningLevel.Red, h.Module.Depth.Levels.Level);
    }

    [TestMethod]
    public void Water_that_turns_and_rises_again_while_the_ten_minute_rate_still_falls_brings_fast_reports_back()
    {
        SensorHarness h = Flooded(600);
        long from = h.NowMs;
        Drain(h, from, 600, 20, 10 * 60_000); // 20 mm a minute, down to 400 mm (orange)
        Assert.IsFalse(h.Module.FastReporting);
        Assert.AreEqual(WarningLevel.Orange, h.Module.Depth.Levels.Level);

        // It rises again at 10 mm a minute: the 10-minute rate stays a fall for six minutes more.
        int low = h.Module.Depth.Filter.DepthMm;
        long turnedAt = h.NowMs;
        while (!h.Module.FastReporting && h.NowMs - turnedAt < 10 * 60_000)
        {
            h.Ultrasonic.WaterDepthMm = low + (int)((h.NowMs - turnedAt) * 10 / 60_000);
            h.Tick(500);
        }

        Assert.IsTrue(h.Module.FastReporting);
        Assert.IsTrue(h.NowMs - turnedAt <= 4 * 60_000, "fast again " + (h.NowMs - turnedAt) + " ms after the water turned");
        Assert.IsTrue(h.Module.Depth.Rise.TryGetRiseMmPer10Min(out int rise) && rise < 0, "while the 10-minute rate still fell");
    }

    [TestMethod]
    public void Readings_that_stop_being_accepted_while_draining_bring_fast_reports_back()
    {
        SensorHarness h = Flooded(600);
        Drain(h, h.NowMs, 600, 5, 10 * 60_000);
        Assert.IsFalse(h.Module.FastReporting);

        // The sensor times out from now on: the last fall recorded goes stale instead of keeping reports normal.
        h.Ultrasonic.Silent = true;
        long failedAt = h.NowMs;
        while (!h.Module.FastReporting && h.NowMs - failedAt < 10 * 60_000)
        {
            h.Tick(500);
        }

        Assert.IsTrue(h.Module.FastReporting, "at red with no accepted reading: fast");
        Assert.IsTrue(h.NowMs - failedAt <= 4 * 60_000, "fast again " + (h.NowMs - failedAt) + " ms after the readings stopped");
        Assert.AreEqual(WarningLevel.Red, h.Module.Depth.Levels.Level);
    }

    [TestMethod]
    public void A_slower_fall_than_the_drain_setting_keeps_reports_fast()
    {
        SensorHarness h = Flooded(600, x => x.Console("config set depth.drain_mm10m 80"));
        Drain(h, h.NowMs, 600, 5, 15 * 60_000);
        Assert.IsTrue(h.Module.FastReporting, "50 mm per 10 minutes is not draining at an 80 mm setting");
        Assert.AreEqual(10_000, h.Module.Depth.ReadingIntervalMs);
    }

    [TestMethod]
    public void The_drain_setting_is_a_threshold_checked_against_its_bounds()
    {
        var h = new SensorHarness();
        StringAssert.Contains(h.Console("config set depth.drain_mm10m 0"), "depth.drain_mm10m");
        StringAssert.Contains(h.Console("config get depth.drain_mm10m"), "depth.drain_mm10m = 10");
        StringAssert.Contains(h.Console("thresholds"), "depth.drain_mm10m = 10");
        h.Console("thresholds set depth.drain_mm10m 40");
        StringAssert.Contains(h.Console("config get depth.drain_mm10m"), "depth.drain_mm10m = 40");
    }

    // A sensor whose low point has filled to depthMm (red above 500 mm) over a few minutes, reports fast.
    private static SensorHarness Flooded(int depthMm, Action<SensorHarness> configure = null)
    {
        var h = new SensorHarness(configure: configure);
        h.Run(2 * 60_000, 500);
        for (int mm = 100; mm <= depthMm; mm += 100)
        {
            h.Ultrasonic.WaterDepthMm = mm;
            h.Run(60_000, 500);
        }

        h.Run(5 * 60_000, 500);
        Assert.AreEqual(WarningLevel.Red, h.Module.Depth.Levels.Level);
        Assert.IsTrue(h.Module.FastReporting);
        return h;
    }

    // Lets the water fall from fromMm at mmPerMinute, counted from fromMs, for durationMs.
    private static void Drain(SensorHarness h, long fromMs, int fromMm, int mmPerMinute, long durationMs)
    {
        long end = h.NowMs + durationMs;
        while (h.NowMs < end)
        {
            h.Ultrasonic.WaterDepthMm = Math.Max(0, fromMm - (int)((h.NowMs - fromMs) * mmPerMinute / 60_000));
            h.Tick(500);
        }
    }
}
