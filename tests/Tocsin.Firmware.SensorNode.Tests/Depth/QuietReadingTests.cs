using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.SensorNode.Depth;
using Tocsin.Firmware.SensorNode.Levels;
using Tocsin.Firmware.SensorNode.Tests.Support;

namespace Tocsin.Firmware.SensorNode.Tests.Depth;

/// <summary>
/// Depth readings follow the weather: once a minute (depth.quiet_reading_s) while reports are normal,
/// every 10 s (depth.reading_s) in hard rain, rising water, at a raised level or to confirm a jump.
/// </summary>
[TestClass]
public sealed class QuietReadingTests
{
    [TestMethod]
    public void A_dry_site_in_light_rain_is_read_once_a_minute()
    {
        var h = new SensorHarness();
        long start = h.NowMs;
        for (int i = 0; i < 10; i++)
        {
            h.ScheduleTip(start + 1000 + (i * 120_000L)); // 0.2 mm every 2 minutes = 6 mm/h, under the 10 mm/h fast rate
        }

        h.Run(60_000, 500);
        int before = h.Module.Depth.Readings;
        h.Run(10 * 60_000, 500);
        Assert.AreEqual(10, h.Module.Depth.Readings - before, "one reading a minute");
        Assert.AreEqual(60_000, h.Module.Depth.ReadingIntervalMs);
        StringAssert.Contains(h.Console("depth"), "reading_every_s=60");
        Assert.IsFalse(h.Module.FastReporting);
    }

    [TestMethod]
    public void Hard_rain_brings_readings_every_ten_seconds_and_the_first_at_once()
    {
        var h = new SensorHarness();
        h.Run(2 * 60_000, 500);
        long start = h.NowMs;
        for (int i = 0; i < 200; i++)
        {
            h.ScheduleTip(start + 500 + (i * 6000L)); // 0.2 mm every 6 s = 120 mm/h
        }

        // The 10-minute rate passes 10 mm/h at the ninth tip (1.8 mm in 10 minutes is 10.8 mm/h).
        while (!h.Module.FastReporting)
        {
            h.Tick(500);
        }

        Assert.IsTrue(h.NowMs - start <= 8 * 6000 + 1000, "fast from the tip that made the rate");
        Assert.AreEqual(10_000, h.Module.Depth.ReadingIntervalMs);
        int before = h.Module.Depth.Readings;
        h.Run(1000, 500);
        Assert.AreEqual(before + 1, h.Module.Depth.Readings, "the quiet wait had outlasted 10 s: a reading at once");
        h.Run(60_000, 500);
        Assert.AreEqual(before + 7, h.Module.Depth.Readings, "then one every 10 s");
    }

    [TestMethod]
    public void A_suspect_jump_is_read_again_within_ten_seconds_not_a_minute()
    {
        var h = new SensorHarness();
        h.Run(2 * 60_000, 500);
        Assert.AreEqual(60_000, h.Module.Depth.ReadingIntervalMs);
        h.Ultrasonic.WaterDepthMm = 400;
        while (h.Module.Depth.Filter.Quality != DepthQuality.Suspect)
        {
            h.Tick(500);
        }

        long suspectAt = h.NowMs;
        while (h.Module.Depth.Levels.Level == WarningLevel.None)
        {
            h.Tick(500);
        }

        Assert.IsTrue(h.NowMs - suspectAt <= 10_000, "confirmed " + (h.NowMs - suspectAt) + " ms after the suspect reading");
        Assert.AreEqual(400, h.Events("depth_level").Single().GetProperty("depth").GetProperty("mm").GetInt32());
    }

    [TestMethod]
    public void Water_rising_at_a_dry_site_is_followed_closely_once_its_rise_is_known()
    {
        var h = new SensorHarness();
        h.Run(3 * 60_000, 500);
        Assert.IsFalse(h.Module.FastReporting);

        // 3 mm a minute, 30 mm per 10 minutes: over the 20 mm fast-rise setting, under any level.
        long risingFrom = h.NowMs;
        while (!h.Module.FastReporting && h.NowMs - risingFrom < 20 * 60_000)
        {
            h.Ultrasonic.WaterDepthMm = (int)((h.NowMs - risingFrom) * 3 / 60_000);
            h.Tick(500);
        }

        Assert.IsTrue(h.Module.FastReporting, "rising water makes reports fast");
        Assert.IsTrue(h.NowMs - risingFrom <= 7 * 60_000, "within " + (h.NowMs - risingFrom) + " ms: five minutes of once-a-minute readings give the rise");
        Assert.AreEqual(10_000, h.Module.Depth.ReadingIntervalMs);
        Assert.AreEqual(WarningLevel.None, h.Module.Depth.Levels.Level);
    }

    [TestMethod]
    public void An_enclosure_opened_between_quiet_readings_is_reported_at_once()
    {
        var h = new SensorHarness();
        h.Run(90_000, 500);
        int readings = h.Module.Depth.Readings;
        h.Tamper.Active = true;
        h.Tick(500);
        Assert.AreEqual(readings, h.Module.Depth.Readings, "no reading in between");
        Assert.AreEqual("tamper", h.Events("fault").Single().GetProperty("fault").GetString());
        Assert.IsTrue((h.Module.Health.Faults & Health.SensorFault.Tamper) != 0);
    }

    [TestMethod]
    public void A_quiet_interval_set_shorter_than_the_normal_one_never_reads_more_often_in_quiet_weather()
    {
        var h = new SensorHarness(configure: x =>
        {
            x.Console("config set depth.reading_s 30");
            x.Console("config set depth.quiet_reading_s 20");
        });
        h.Run(2 * 60_000, 500);
        Assert.IsFalse(h.Module.FastReporting);
        Assert.AreEqual(30_000, h.Module.Depth.ReadingIntervalMs);
    }

    [TestMethod]
    public void A_rise_is_scaled_from_the_oldest_minute_known_when_readings_are_minutes_apart()
    {
        var every3 = new RiseTracker();
        for (int minute = 0; minute <= 12; minute += 3)
        {
            every3.Record(minute, minute * 5);
        }

        // Minute 2 has no reading: minute 3, nine minutes back, stands in (45 mm in 9 minutes).
        Assert.IsTrue(every3.TryGetRiseMmPer10Min(out int rise));
        Assert.AreEqual(50, rise);

        var sparse = new RiseTracker();
        sparse.Record(20, 0);
        sparse.Record(24, 40);
        Assert.IsFalse(sparse.TryGetRiseMmPer10Min(out _), "four minutes is too short a span to scale from");
        sparse.Record(25, 50);
        Assert.IsTrue(sparse.TryGetRiseMmPer10Min(out int fromFive));
        Assert.AreEqual(100, fromFive);
    }
}
