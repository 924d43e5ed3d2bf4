using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.SensorNode.Health;
using Tocsin.Firmware.SensorNode.Tests.Support;

namespace Tocsin.Firmware.SensorNode.Tests.Reporting;

[TestClass]
public sealed class HealthTests
{
    private static string[] FaultEvents(SensorHarness h) =>
        h.Events("fault").Select(e => e.GetProperty("fault").GetString() + (e.GetProperty("active").GetBoolean() ? "+" : "-")).ToArray();

    [TestMethod]
    public void A_silent_sensor_raises_a_timeout_fault_and_clears_it_when_it_talks_again()
    {
        var h = new SensorHarness(configure: SensorHarness.ReadEveryTenSeconds);
        h.Run(30_000, 500);
        h.Ultrasonic.Silent = true;
        h.Run(30_000, 500);
        h.Ultrasonic.Silent = false;
        h.Run(30_000, 500);
        CollectionAssert.AreEqual(new[] { "sensor_timeout+", "sensor_timeout-" }, FaultEvents(h));
    }

    [TestMethod]
    public void A_stuck_sensor_over_water_is_a_fault()
    {
        var h = new SensorHarness(configure: x => x.Console("config set health.stuck_s 600"));
        h.Ultrasonic.StuckDistanceMm = SensorHarness.MountMm - 80;
        h.Run(11 * 60_000, 500);
        CollectionAssert.Contains(FaultEvents(h), "stuck_value+");
    }

    [TestMethod]
    public void After_a_dry_day_a_reading_off_zero_is_dry_reference_drift()
    {
        var h = new SensorHarness();
        h.Ultrasonic.DriftMm = -45; // the housing heats up and reads short: 45 mm of phantom water
        h.Run(25 * 3_600_000L, 2000);
        CollectionAssert.Contains(FaultEvents(h), "dry_drift+");
        Assert.IsTrue((h.Module.Health.Faults & SensorFault.DryDrift) != 0);
    }

    [TestMethod]
    public void Battery_low_and_an_open_enclosure_are_faults_shown_in_the_heartbeat()
    {
        var h = new SensorHarness();
        h.Run(20_000, 500);
        h.Battery.Millivolts = 3200;
        h.Tamper.Active = true;
        h.Charging.Active = true;
        h.Run(70_000, 500);
        var faults = FaultEvents(h);
        CollectionAssert.Contains(faults, "battery_low+");
        CollectionAssert.Contains(faults, "tamper+");
        var hb = System.Text.Json.JsonDocument.Parse(h.Link.Published.Last(p => p.Topic == h.Topic("hb")).Payload).RootElement;
        Assert.AreEqual(3200, hb.GetProperty("batt_mv").GetInt32());
        Assert.IsTrue(hb.GetProperty("charging").GetBoolean());
        var active = hb.GetProperty("faults").EnumerateArray().Select(f => f.GetString()).ToList();
        CollectionAssert.Contains(active, "tamper");
        CollectionAssert.Contains(active, "battery_low");
    }
}
