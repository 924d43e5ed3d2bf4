using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.SensorNode.Tests.Support;

namespace Tocsin.Firmware.SensorNode.Tests.Commands;

[TestClass]
public sealed class SensorConsoleTests
{
    [TestMethod]
    public void Sensors_shows_raw_and_filtered_values()
    {
        var h = new SensorHarness();
        h.Ultrasonic.WaterDepthMm = 42;
        h.Run(3000);
        string reply = h.Console("sensors");
        StringAssert.Contains(reply, "depth raw: ultrasonic raw=2958 mm distance");
        StringAssert.Contains(reply, "depth filtered: 42 mm q=ok");
        StringAssert.Contains(reply, "battery: 3900 mV");
        StringAssert.Contains(reply, "ok\r\n");
    }

    [TestMethod]
    public void Rain_and_depth_show_totals_levels_and_thresholds()
    {
        var h = new SensorHarness();
        h.ScheduleTip(h.NowMs + 100);
        h.Run(3000);
        string rain = h.Console("rain");
        StringAssert.Contains(rain, "mm1h: 0.20 mm (1 tips)");
        StringAssert.Contains(rain, "signal: none (blue 50.00/12h");
        StringAssert.Contains(h.Console("depth"), "level: none (blue 100, yellow 200, orange 300, red 500 mm; hysteresis 20 mm)");
    }

    [TestMethod]
    public void Calibrate_dry_makes_the_current_reading_zero_and_survives_a_reboot()
    {
        var h = new SensorHarness();
        h.Ultrasonic.MountMm = 3150; // installed higher than the setting says
        h.Run(3000);
        Assert.AreEqual(-150, h.Module.Depth.Filter.DepthMm);
        StringAssert.Contains(h.Console("calibrate dry"), "depth.mount_mm=3150");
        h.Reboot();
        h.Run(3000);
        Assert.AreEqual(0, h.Module.Depth.Filter.DepthMm);
    }

    [TestMethod]
    public void Calibrate_without_a_fresh_reading_says_why()
    {
        var h = new SensorHarness();
        h.Ultrasonic.Silent = true;
        h.Run(10_000);
        StringAssert.Contains(h.Console("calibrate dry"), "error: no fresh reading from the ultrasonic sensor");
        StringAssert.Contains(h.Console("calibrate mount 99"), "error: depth.mount_mm must be an integer from 100 to 10000");
        StringAssert.Contains(h.Console("calibrate sideways"), "error: usage: calibrate dry | calibrate mount <mm>");
    }

    [TestMethod]
    public void Thresholds_can_be_listed_and_set_with_validation()
    {
        var h = new SensorHarness();
        StringAssert.Contains(h.Console("thresholds"), "depth.yellow_mm = 200");
        StringAssert.Contains(h.Console("thresholds set depth.yellow_mm 250"), "depth.yellow_mm = 250");
        StringAssert.Contains(h.Console("thresholds set mqtt.host x"), "error: 'mqtt.host' is not a threshold");
        StringAssert.Contains(h.Console("thresholds set depth.red_mm -1"), "error: depth.red_mm must be an integer from 0 to 10000");
        h.Reboot();
        StringAssert.Contains(h.Console("thresholds"), "depth.yellow_mm = 250");
    }

    [TestMethod]
    public void Depth_sensor_kind_is_validated_against_its_choices()
    {
        var h = new SensorHarness();
        StringAssert.Contains(h.Console("config set depth.sensor sonar"), "error: depth.sensor must be one of: ultrasonic, pressure, none");
    }
}
