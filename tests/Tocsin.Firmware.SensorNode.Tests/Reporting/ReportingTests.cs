using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.SensorNode.Tests.Support;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.SensorNode.Tests.Reporting;

[TestClass]
public sealed class ReportingTests
{
    [TestMethod]
    public void Reports_go_every_five_minutes_normally_and_every_thirty_seconds_in_heavy_rain()
    {
        var h = new SensorHarness();
        h.Run(30 * 60_000, 1000);
        int quiet = h.Distinct("report").Count;
        Assert.IsTrue(quiet >= 6 && quiet <= 7, "quiet reports: " + quiet);
        Assert.IsFalse(h.Module.FastReporting);

        long start = h.NowMs;
        for (int i = 0; i < 200; i++)
        {
            h.ScheduleTip(start + (i * 3000L)); // 0.2 mm every 3 s = 240 mm/h
        }

        h.Run(10 * 60_000, 1000);
        Assert.IsTrue(h.Module.FastReporting);
        int fast = h.Distinct("report").Count - quiet;
        Assert.IsTrue(fast >= 17 && fast <= 21, "fast reports in 10 min: " + fast);
        Assert.IsTrue(h.Distinct("report").Last().GetProperty("fast").GetBoolean());
    }

    [TestMethod]
    public void Sensors_powered_up_together_drift_apart_and_no_interval_is_longer_than_the_period()
    {
        // Each interval is the period shortened by up to a tenth at random (the board's seed): boards
        // back from a district-wide power cut would otherwise report in the same second for ever.
        long[] Intervals(int seed)
        {
            var h = new SensorHarness(configure: x => x.System.Seed = seed);
            h.Run(2 * 60 * 60_000, 1000);
            // The first report is from before the reboot that applied the seed.
            long[] ups = h.Distinct("report").Skip(1).Select(r => r.GetProperty("up").GetInt64()).ToArray();
            return ups.Zip(ups.Skip(1), (a, b) => b - a).ToArray();
        }

        long[] first = Intervals(11);
        long[] second = Intervals(12);
        Assert.IsTrue(first.Length >= 23, "reports in 2 h: " + (first.Length + 1));
        foreach (long interval in first.Concat(second))
        {
            Assert.IsTrue(interval >= 270_000 - 1000 && interval <= 300_000 + 1000, "interval " + interval + " ms");
        }

        CollectionAssert.AreNotEqual(first, second, "two boards' intervals differ");
        Assert.IsTrue(first.Distinct().Count() > 5, "the intervals vary: " + string.Join(", ", first));
    }

    [TestMethod]
    public void A_rain_signal_raised_by_light_rain_is_sent_at_once_and_keeps_the_normal_report_period()
    {
        var h = new SensorHarness();
        Assert.IsNull(h.Runtime.Settings.Set("rain.blue_mm12h", "1"));
        h.Run(60_000, 1000);
        long start = h.NowMs;
        for (int i = 0; i < 6; i++)
        {
            h.ScheduleTip(start + (i * 120_000L)); // 0.2 mm every 2 minutes = 6 mm/h, under the 10 mm/h fast rate
        }

        h.Run(12 * 60_000, 1000);
        Assert.AreEqual(Levels.WarningLevel.Blue, h.Module.Gauge.SignalLevel);
        Assert.AreEqual(1, h.Events("rain_signal").Count, "the raised signal goes out as an event at once");
        int before = h.Distinct("report").Count;
        h.Run(30 * 60_000, 1000);

        Assert.AreEqual(Levels.WarningLevel.Blue, h.Module.Gauge.SignalLevel, "the signal stays raised for its 12 hours");
        Assert.IsFalse(h.Module.FastReporting);
        int reports = h.Distinct("report").Count - before;
        Assert.IsTrue(reports >= 6 && reports <= 7, "reports in 30 min with the signal raised and no water: " + reports);
        Assert.AreEqual("blue", h.Distinct("report").Last().GetProperty("rain").GetProperty("signal").GetString());
    }

    [TestMethod]
    public void Report_periods_can_be_changed_by_an_authenticated_command_within_bounds()
    {
        var h = new SensorHarness();
        h.Run(1000);
        var key = new Tocsin.Controller.Security.NodeKey(SensorHarness.NodeId, new byte[32]);
        long now = h.UtcMs;
        var ok = new Tocsin.Controller.Security.CommandSpec("cfg-1", 10, "config", "live", now, now + 60_000, w =>
        {
            w.WriteStartObject("set");
            w.WriteNumber("report.period_s", 120);
            w.WriteEndObject();
        });
        h.Link.Deliver(h.Topic("cmd"), Tocsin.Controller.Security.CommandSigner.SignForNode(ok, key));
        var bad = ok with { Id = "cfg-2", Seq = 11, WriteBody = w => { w.WriteStartObject("set"); w.WriteNumber("report.fast_period_s", 1); w.WriteEndObject(); } };
        h.Link.Deliver(h.Topic("cmd"), Tocsin.Controller.Security.CommandSigner.SignForNode(bad, key));
        h.Run(1000);

        Assert.AreEqual("120", h.Runtime.Settings.Display(h.Runtime.Settings.IndexOf("report.period_s")));
        Assert.AreEqual("30", h.Runtime.Settings.Display(h.Runtime.Settings.IndexOf("report.fast_period_s")));
        var results = h.Distinct("result");
        Assert.AreEqual("done", results[0].GetProperty("state").GetString());
        Assert.AreEqual("rejected", results[1].GetProperty("state").GetString());
        StringAssert.Contains(results[1].GetProperty("reason").GetString(), "report.fast_period_s must be an integer from 10 to 600");
    }

    [TestMethod]
    public void A_two_hour_outage_loses_nothing_and_readings_arrive_in_order_with_their_measurement_times()
    {
        var h = new SensorHarness();
        h.Run(60_000, 1000);
        h.Link.NextConnect = ConnectBehaviour.Refuse;
        h.Link.DropConnection("network cut");
        long outageStart = h.UtcMs;
        for (int minute = 0; minute < 120; minute++)
        {
            h.Ultrasonic.WaterDepthMm = minute < 60 ? minute * 2 : 120 - ((minute - 60) * 2);
            h.Run(60_000, 1000);
        }

        long outageEnd = h.UtcMs;
        int queued = h.Runtime.Outbox.Count;
        Assert.IsTrue(queued >= 24, "queued during the outage: " + queued);
        h.Link.NextConnect = ConnectBehaviour.Accept;
        h.Run(10 * 60_000, 1000);

        Assert.AreEqual(0, h.Runtime.Outbox.Count);
        Assert.AreEqual(0, h.Runtime.Outbox.DroppedCount);
        var all = h.Distinct("report").Concat(h.Distinct("event")).OrderBy(e => e.GetProperty("seq").GetInt64()).ToList();
        var seqs = all.Select(e => e.GetProperty("seq").GetInt64()).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(1, seqs.Count).Select(i => (long)i).ToList(), seqs, "no gaps, no doubles");
        var during = h.Distinct("report").Where(e => e.GetProperty("t").GetInt64() > outageStart && e.GetProperty("t").GetInt64() <= outageEnd).ToList();
        Assert.IsTrue(during.Count >= 24, "reports measured during the outage: " + during.Count);
        var times = during.Select(e => e.GetProperty("t").GetInt64()).ToList();
        CollectionAssert.AreEqual(times.OrderBy(t => t).ToList(), times);
    }

    [TestMethod]
    public void Without_synchronized_time_reports_say_so()
    {
        var h = new SensorHarness(timeSynchronized: false);
        h.Run(2000);
        var report = h.Distinct("report").First();
        Assert.AreEqual("unsynchronized", report.GetProperty("time").GetString());
        Assert.IsFalse(report.TryGetProperty("t", out _));
    }
}
