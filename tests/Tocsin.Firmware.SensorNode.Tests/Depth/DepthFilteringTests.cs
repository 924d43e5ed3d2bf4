using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.SensorNode.Depth;
using Tocsin.Firmware.SensorNode.Levels;
using Tocsin.Firmware.SensorNode.Tests.Support;

namespace Tocsin.Firmware.SensorNode.Tests.Depth;

[TestClass]
public sealed class DepthFilteringTests
{
    [TestMethod]
    public void Depth_is_mount_height_minus_distance_after_the_first_reading()
    {
        var h = new SensorHarness();
        h.Ultrasonic.WaterDepthMm = 120;
        h.Run(2000);
        Assert.AreEqual(DepthQuality.Ok, h.Module.Depth.Filter.Quality);
        Assert.AreEqual(120, h.Module.Depth.Filter.DepthMm);
    }

    [TestMethod]
    public void Blips_and_noise_never_move_the_filtered_depth_or_the_level()
    {
        var h = new SensorHarness();
        h.Ultrasonic.WaterDepthMm = 150;
        h.Ultrasonic.NoiseMm = 3;
        h.Ultrasonic.BlipProbability = 0.05;
        h.Run(3000);
        int worst = 0;
        for (int i = 0; i < 2 * 3600; i++)
        {
            h.Run(1000, 200);
            if (h.Module.Depth.Filter.HasDepth)
            {
                worst = Math.Max(worst, Math.Abs(h.Module.Depth.Filter.DepthMm - 150));
            }
        }

        Assert.IsTrue(worst <= 3, "filtered depth strayed " + worst + " mm from the water");
        Assert.AreEqual(WarningLevel.Blue, h.Module.Depth.Levels.Level);
        Assert.AreEqual(1, h.Events("depth_level").Count, "exactly one level change, to blue");
        Assert.IsTrue(h.Module.Depth.Filter.RejectedSamples > 0 || h.Module.Depth.Filter.SuspectReadings >= 0);
    }

    [TestMethod]
    public void A_single_wild_reading_is_held_as_suspect_and_real_fast_rising_water_is_accepted_one_reading_later()
    {
        var filter = new DepthFilter { MaxJumpMm = 100 };
        Feed(filter, 50, 50, 50, 50, 50);
        Assert.IsTrue(filter.Complete(false));
        Feed(filter, 900, 900, 900, 900, 900);
        Assert.IsFalse(filter.Complete(false));
        Assert.AreEqual(DepthQuality.Suspect, filter.Quality);
        Assert.AreEqual(50, filter.DepthMm);
        Feed(filter, 52, 51, 50, 49, 52);
        Assert.IsTrue(filter.Complete(false));
        Assert.AreEqual(51, filter.DepthMm);

        Feed(filter, 300, 300, 300, 300, 300);
        Assert.IsFalse(filter.Complete(false));
        Feed(filter, 320, 320, 320, 320, 320);
        Assert.IsTrue(filter.Complete(false), "a second reading near the first confirms the rise");
        Assert.AreEqual(320, filter.DepthMm);
    }

    [TestMethod]
    public void Too_few_valid_samples_give_no_reading_and_implausible_samples_are_dropped()
    {
        var filter = new DepthFilter { MaxDepthMm = 3000 };
        filter.AddSample(true, 100);
        filter.AddSample(false, 0);
        filter.AddSample(true, 99_999);
        filter.AddSample(true, -5000);
        filter.AddSample(true, 101);
        Assert.IsFalse(filter.Complete(false));
        Assert.AreEqual(DepthQuality.NoData, filter.Quality);
        Assert.AreEqual(3, filter.RejectedSamples);
    }

    [TestMethod]
    public void Water_rippling_at_a_threshold_does_not_make_the_level_flap()
    {
        var h = new SensorHarness();
        h.Ultrasonic.WaterDepthMm = 170;
        h.Run(5000);
        var random = new Random(3);
        for (int i = 0; i < 600; i++)
        {
            h.Ultrasonic.WaterDepthMm = 200 + random.Next(-15, 16);
            h.Run(10_000, 500);
        }

        var changes = h.Events("depth_level").Select(e => e.GetProperty("level").GetString()).ToList();
        Assert.AreEqual("blue yellow", string.Join(" ", changes));
        h.Ultrasonic.WaterDepthMm = 175;
        h.Run(60_000, 500);
        Assert.AreEqual("blue yellow blue", string.Join(" ", h.Events("depth_level").Select(e => e.GetProperty("level").GetString())));
    }

    [TestMethod]
    public void A_level_change_goes_out_at_once_as_an_event_not_with_the_next_report()
    {
        var h = new SensorHarness(configure: SensorHarness.ReadEveryTenSeconds);
        h.Run(20_000, 500);
        int reports = h.Distinct("report").Count;
        h.Ultrasonic.WaterDepthMm = 320;

        // Readings every 10 s: the first at the new depth is held as a suspect jump, the second confirms it.
        h.Run(22_000, 500);
        h.Ultrasonic.WaterDepthMm = 330;
        h.Run(12_000, 500);
        var e = h.Events("depth_level").Single();
        Assert.AreEqual("orange", e.GetProperty("level").GetString());
        Assert.AreEqual("none", e.GetProperty("from").GetString());
        Assert.AreEqual(320, e.GetProperty("depth").GetProperty("mm").GetInt32());
        Assert.IsTrue(h.Link.Published.Where(p => p.Topic == h.Topic("event")).All(p => p.Qos == 1));
        Assert.IsTrue(h.Distinct("report").Count - reports <= 1);
    }

    [TestMethod]
    public void A_loop_that_comes_round_late_still_reads_on_time_from_the_frames_the_sensor_sent_meanwhile()
    {
        // A loop held up for 10 s at a time (a TLS handshake, a slow flash) finds the ultrasonic
        // sensor's frames waiting: each reading completes in one pass from the newest five, so
        // readings stay 10 s apart instead of taking five passes each.
        var h = new SensorHarness(configure: SensorHarness.ReadEveryTenSeconds);
        h.Ultrasonic.WaterDepthMm = 40;
        h.Run(10_000, 10_000);
        Assert.AreEqual(40, h.Module.Depth.Filter.DepthMm);
        h.Ultrasonic.WaterDepthMm = 60;
        h.Run(10_000, 10_000);
        Assert.AreEqual(60, h.Module.Depth.Filter.DepthMm, "the next pass's reading already has the new water");
        Assert.AreEqual(60, h.Module.Depth.LastSampleMm);
        Assert.AreEqual(0, h.Module.Depth.Filter.Attempts, "no reading left half taken");
    }

    [TestMethod]
    public void Frames_from_before_a_silence_are_not_read_as_fresh_water()
    {
        var h = new SensorHarness(configure: SensorHarness.ReadEveryTenSeconds);
        h.Ultrasonic.WaterDepthMm = 40;
        h.Run(7_500, 500);
        Assert.AreEqual(DepthQuality.Ok, h.Module.Depth.Filter.Quality);

        // The next reading starts 2.5 s into the silence and ends before the 5 s timeout.
        h.Ultrasonic.Silent = true;
        h.Run(5_000, 500);
        Assert.AreEqual(DepthQuality.NoData, h.Module.Depth.Filter.Quality);
        Assert.IsFalse(h.Module.Depth.LastTimedOut);
    }

    [TestMethod]
    public void A_backlog_read_after_the_line_dropped_bytes_is_not_taken_as_a_reading()
    {
        var h = new SensorHarness(configure: SensorHarness.ReadEveryTenSeconds);
        h.Ultrasonic.WaterDepthMm = 40;
        h.Run(10_000, 10_000);
        Assert.AreEqual(0, h.Module.Depth.Filter.Attempts);

        h.Ultrasonic.WaterDepthMm = 60;
        h.Ultrasonic.OverflowCount++;
        h.Run(10_000, 10_000);
        Assert.AreEqual(40, h.Module.Depth.Filter.DepthMm, "no reading from frames of unknown age");
        Assert.AreEqual(1, h.Module.Depth.Filter.Attempts, "one attempt of five, the slow way");
        Assert.AreEqual(1, h.Module.Depth.Filter.RejectedSamples, "and not from the backlog either");
        var source = (UltrasonicDepthSource)h.Module.Depth.Source;
        Assert.IsFalse(source.CalibrateDry(h.Clock.MonotonicMs()), "no calibration from frames of unknown age");
    }

    [TestMethod]
    public void A_frame_a_reading_took_is_not_offered_again_as_a_new_sample()
    {
        var h = new SensorHarness();
        h.Ultrasonic.WaterDepthMm = 40;
        h.Run(3000, 500);
        var source = (UltrasonicDepthSource)h.Module.Depth.Source;
        long now = h.Clock.MonotonicMs();
        int[] depths = new int[5];
        int[] raws = new int[5];
        bool[] valid = new bool[5];

        h.Clock.Advance(500);
        now += 500;
        source.Poll(now);
        Assert.AreEqual(5, source.TakeRecent(now, 5, depths, raws, valid));
        Assert.IsFalse(source.TryTakeSample(now, out int _, out int _), "nothing new since the reading took the frames");
        Assert.IsTrue(source.CalibrateDry(now), "calibration may still use the latest frame");

        h.Clock.Advance(150);
        now += 150;
        source.Poll(now);
        Assert.IsTrue(source.TryPeekSample(now, out int _, out int _));
        Assert.IsTrue(source.TryPeekSample(now, out int _, out int _), "looking (the console) uses nothing up");
        Assert.IsTrue(source.TryTakeSample(now, out int depth, out int _));
        Assert.AreEqual(0, depth, "calibrated dry at the water's surface");
        Assert.IsFalse(source.TryTakeSample(now, out int _, out int _), "and that frame once only");
    }

    [TestMethod]
    public void Rate_of_rise_is_reported_per_ten_minutes()
    {
        var h = new SensorHarness();

        // Readings come every 10 s from the first, at the start of each clock minute and on; the water
        // changes 5 s before each minute begins, so each minute's readings all see that minute's water.
        h.Run(55_000, 500);
        for (int minute = 0; minute <= 12; minute++)
        {
            h.Ultrasonic.WaterDepthMm = minute * 5;
            h.Run(60_000, 500);
        }

        Assert.IsTrue(h.Module.Depth.Rise.TryGetRiseMmPer10Min(out int rise));
        Assert.AreEqual(50, rise);
    }

    [TestMethod]
    public void A_pressure_transducer_gives_depth_from_its_4_to_20_mA_loop()
    {
        // 150 ohm shunt, 5 m full scale: 12 mA (1800 mV) is half scale, 2500 mm.
        var h = new SensorHarness(pressure: true);
        h.Pressure.Millivolts = 1800;
        h.Run(3000);
        Assert.AreEqual(2500, h.Module.Depth.Filter.DepthMm);

        h.Pressure.Millivolts = 300; // 2 mA: broken loop, not water
        h.Run(60_000, 500);
        Assert.AreEqual(DepthQuality.NoData, h.Module.Depth.Filter.Quality);
        Assert.AreEqual(2500, h.Module.Depth.Filter.DepthMm, "the last good depth is kept, flagged");
    }

    private static void Feed(DepthFilter filter, params int[] samples)
    {
        foreach (int s in samples)
        {
            filter.AddSample(true, s);
        }
    }
}
