using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.SensorNode.Levels;
using Tocsin.Firmware.SensorNode.Rain;
using Tocsin.Firmware.SensorNode.Tests.Support;

namespace Tocsin.Firmware.SensorNode.Tests.Rain;

[TestClass]
public sealed class RainstormTests
{
    /// <summary>
    /// 8 h of light rain, then 120 mm in 3 h with a 70 mm/h burst, then 13 dry hours. Ticks arrive with
    /// random jitter; every tip bounces. The level at the end of every minute must match the brute-force
    /// reference, so each signal is raised (and lowered) at exactly the right minute.
    /// </summary>
    [TestMethod]
    public void A_rainstorm_raises_and_lowers_each_signal_at_the_right_minute()
    {
        var trace = new RainTrace((480, 4), (60, 10), (60, 70), (60, 40), (780, 0));
        var h = new SensorHarness();
        var random = new Random(7);
        long start = h.NowMs;
        int nextTip = 0;
        var observed = new int[trace.Minutes];
        var firstMinute = new Dictionary<int, int>();
        while (h.NowMs - start < trace.Minutes * 60_000L)
        {
            long step = random.Next(50, 951);
            long target = h.NowMs + step;
            while (nextTip < trace.TipOffsetsMs.Count && start + trace.TipOffsetsMs[nextTip] <= target)
            {
                h.ScheduleTip(start + trace.TipOffsetsMs[nextTip], bounces: 2);
                nextTip++;
            }

            h.Tick(step);
            int minute = (int)((h.NowMs - start) / 60_000);
            if (minute < trace.Minutes)
            {
                observed[minute] = h.Module.Gauge.SignalLevel;
                firstMinute.TryAdd(h.Module.Gauge.SignalLevel, minute);
            }
        }

        var mismatches = Enumerable.Range(0, trace.Minutes).Where(m => observed[m] != trace.ReferenceLevel(m)).Take(5)
            .Select(m => "minute " + m + ": got " + observed[m] + ", reference " + trace.ReferenceLevel(m)).ToList();
        Assert.AreEqual(0, mismatches.Count, string.Join("; ", mismatches));
        foreach (int level in new[] { WarningLevel.Blue, WarningLevel.Yellow, WarningLevel.Orange, WarningLevel.Red })
        {
            Assert.IsTrue(firstMinute.ContainsKey(level), "never reached " + WarningLevel.ToText(level));
        }

        Assert.IsTrue(firstMinute[WarningLevel.Blue] < firstMinute[WarningLevel.Yellow]);
        Assert.IsTrue(firstMinute[WarningLevel.Yellow] < firstMinute[WarningLevel.Orange]);
        Assert.IsTrue(firstMinute[WarningLevel.Orange] < firstMinute[WarningLevel.Red]);
        Assert.AreEqual(trace.TipOffsetsMs.Count, h.Module.Gauge.Debouncer.TipCount, "bounce must never count as rain");
        Assert.AreEqual(trace.TipOffsetsMs.Count * 2, h.Module.Gauge.Debouncer.BounceCount);

        var signals = h.Events("rain_signal").Select(e => e.GetProperty("level").GetString()).ToList();
        // The gauge reports the level its rolling totals support minute by minute (checked above), so a
        // level can step back and forth as old rain leaves the 3 h window; the escalations come in order.
        var order = new[] { "none", "blue", "yellow", "orange", "red" };
        int highest = 0;
        var escalations = new List<string>();
        foreach (string level in signals)
        {
            int rank = Array.IndexOf(order, level);
            if (rank > highest)
            {
                highest = rank;
                escalations.Add(level);
            }
        }

        Assert.AreEqual("blue yellow orange red", string.Join(" ", escalations), "all signal events: " + string.Join(" ", signals));
        Assert.AreEqual("none", signals.Last());
    }

    [TestMethod]
    public void Each_signal_event_carries_the_totals_and_the_minute_it_happened()
    {
        // Light rain for 7 h, then heavy: the 12 h total reaches 50 mm before the 6 h one does.
        var trace = new RainTrace((420, 5), (60, 30));
        var h = new SensorHarness();
        long start = h.NowMs;
        foreach (long t in trace.TipOffsetsMs)
        {
            h.ScheduleTip(start + t);
        }

        h.Run(trace.Minutes * 60_000L, 1000);
        var blue = h.Events("rain_signal").First();
        Assert.AreEqual("blue", blue.GetProperty("level").GetString());
        double mm12 = double.Parse(blue.GetProperty("rain").GetProperty("mm12h").GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(mm12 >= 50 && mm12 < 50.5, "mm12h " + mm12);
        long minute = (blue.GetProperty("t").GetInt64() - SensorHarness.StartUtcMs) / 60_000;
        int expected = Enumerable.Range(0, trace.Minutes).First(m => trace.ReferenceLevel(m) >= WarningLevel.Blue);
        Assert.AreEqual(expected, minute);
    }

    [TestMethod]
    public void Heavy_contact_bounce_is_never_counted_as_rain()
    {
        var h = new SensorHarness();
        for (int i = 0; i < 100; i++)
        {
            h.ScheduleTip(h.NowMs + 10 + (i * 3000L), bounces: 8, bounceSpacingMs: 9);
        }

        h.Run(400_000, 250);
        Assert.AreEqual(100, h.Module.Gauge.Debouncer.TipCount);
        Assert.AreEqual(800, h.Module.Gauge.Debouncer.BounceCount);
        Assert.AreEqual(2000, h.Module.Gauge.TotalX100(RainWindows.OneHour));
    }

    [TestMethod]
    public void Rolling_totals_survive_a_reboot_and_keep_sliding_correctly()
    {
        var h = new SensorHarness();
        long start = h.NowMs;
        for (int i = 0; i < 150; i++)
        {
            h.ScheduleTip(start + 1000 + (i * 12_000L));
        }

        h.Run(31 * 60_000, 1000);
        Assert.AreEqual(3000, h.Module.Gauge.TotalX100(RainWindows.OneHour));

        h.Reboot();
        h.Run(10 * 60_000, 1000);
        Assert.AreEqual(3000, h.Module.Gauge.TotalX100(RainWindows.OneHour), "10 min off and on: the hour still holds all 30 mm");
        Assert.AreEqual(0, h.Module.Gauge.TotalX100(RainWindows.TenMinutes));
        Assert.AreEqual(3000, h.Module.Gauge.TotalX100(RainWindows.DayHours));

        h.Run(50 * 60_000, 1000);
        Assert.AreEqual(0, h.Module.Gauge.TotalX100(RainWindows.OneHour), "an hour after the last tip the hour window is empty");
        Assert.AreEqual(3000, h.Module.Gauge.TotalX100(RainWindows.ThreeHours));
    }

    [TestMethod]
    public void Time_spent_powered_off_counts_as_dry_when_the_node_comes_back()
    {
        var h = new SensorHarness();
        long start = h.NowMs;
        for (int i = 0; i < 50; i++)
        {
            h.ScheduleTip(start + 1000 + (i * 6000L));
        }

        h.Run(6 * 60_000, 1000);
        h.Clock.Restart();
        h.Clock.UtcAtZeroMs += 2 * 3_600_000;
        h.Reboot();
        h.Tick(10);
        Assert.AreEqual(0, h.Module.Gauge.TotalX100(RainWindows.OneHour));
        Assert.AreEqual(1000, h.Module.Gauge.TotalX100(RainWindows.ThreeHours));
    }

    [TestMethod]
    public void A_setting_changed_on_the_console_applies_at_the_next_step_without_a_restart()
    {
        var h = new SensorHarness();
        Assert.AreEqual(20, h.Module.Gauge.MmPerTipX100);
        StringAssert.Contains(h.Console("config set rain.mm_per_tip_x100 50"), "ok");
        h.Tick(10);
        Assert.AreEqual(50, h.Module.Gauge.MmPerTipX100);
        h.Gauge.Tip(h.NowMs + 100);
        h.Run(2_000, 100);
        Assert.AreEqual(50, h.Module.Gauge.TotalX100(RainWindows.OneHour));
    }
}
