using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Health;

/// <summary>Health in every heartbeat; faults as events the moment they appear and when they clear.</summary>
[TestClass]
public sealed class HealthTests
{
    private static string Faults(BroadcastHarness h) =>
        string.Join(",", h.Events("fault").Select(e => e.GetProperty("fault").GetString() + (e.GetProperty("active").GetBoolean() ? "+" : "-")));

    [TestMethod]
    public void Mains_loss_is_an_event_at_once_and_another_when_it_returns()
    {
        var h = new BroadcastHarness();
        h.Mains.Active = false;
        h.Run(1_500);
        Assert.AreEqual("mains+", Faults(h));
        h.Mains.Active = true;
        h.Run(1_500);

        Assert.AreEqual("mains+,mains-", Faults(h));
    }

    [TestMethod]
    public void A_low_battery_is_a_fault_that_clears_only_with_margin()
    {
        var h = new BroadcastHarness();
        h.Battery.Millivolts = 11_000;
        h.Run(12_000);
        Assert.AreEqual("battery_low+", Faults(h));
        Assert.AreEqual(11_000, h.Events("fault").Single().GetProperty("batt_mv").GetInt32());
        h.Battery.Millivolts = 11_600;
        h.Run(12_000);
        Assert.AreEqual("battery_low+", Faults(h), "within the hysteresis");
        h.Battery.Millivolts = 11_800;
        h.Run(12_000);

        Assert.AreEqual("battery_low+,battery_low-", Faults(h));
    }

    [TestMethod]
    public void Opening_the_cabinet_door_is_reported_at_once()
    {
        var h = new BroadcastHarness();
        h.Tamper.Active = true;
        h.Run(1_500);

        Assert.AreEqual("tamper+", Faults(h));
    }

    [TestMethod]
    public void The_heartbeat_carries_mains_battery_amplifier_player_tamper_and_relay_states()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 60, zones: new[] { 2 }), id: "hb-1");
        h.Run(61_000, 100);

        JsonElement hb = h.LastHeartbeat();
        Assert.AreEqual("broadcasting", hb.GetProperty("st").GetString());
        Assert.IsTrue(hb.GetProperty("mains").GetBoolean());
        Assert.AreEqual(12_800, hb.GetProperty("batt_mv").GetInt32());
        Assert.IsFalse(hb.GetProperty("tamper").GetBoolean());
        Assert.AreEqual("on", hb.GetProperty("amp").GetString());
        Assert.AreEqual("ok", hb.GetProperty("player").GetString());
        JsonElement relays = hb.GetProperty("relays");
        Assert.IsTrue(relays.GetProperty("amp").GetBoolean());
        CollectionAssert.AreEqual(new[] { false, true }, relays.GetProperty("zones").EnumerateArray().Select(z => z.GetBoolean()).ToArray());
        Assert.AreEqual(0, hb.GetProperty("faults").GetArrayLength());
        Assert.AreEqual("hb-1", hb.GetProperty("bc").GetString());
    }

    [TestMethod]
    public void An_idle_node_with_a_fault_says_so_in_its_heartbeat()
    {
        var h = new BroadcastHarness();
        h.Tamper.Active = true;
        h.Run(61_000, 200);

        JsonElement hb = h.LastHeartbeat();
        Assert.AreEqual("fault", hb.GetProperty("st").GetString());
        Assert.AreEqual("tamper", hb.GetProperty("faults")[0].GetString());
        Assert.AreEqual("off", hb.GetProperty("amp").GetString());
    }

    [TestMethod]
    public void The_largest_heartbeat_still_fits_its_buffer()
    {
        var h = new BroadcastHarness(zones: 8);
        h.Set("bn.zones", "8");
        h.Mains.Active = false;
        h.Tamper.Active = true;
        h.Battery.Millivolts = 10_000;
        h.Player.Dead = true;
        h.Amplifier.LineOpen[0] = true;
        h.Zones[7].StuckAt = false;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 120), id: new string('x', 48));
        h.Run(65_000, 100);

        JsonElement hb = h.LastHeartbeat();
        Assert.AreEqual(8, hb.GetProperty("relays").GetProperty("zones").GetArrayLength());
        Assert.IsTrue(hb.GetProperty("faults").GetArrayLength() >= 5, hb.ToString());
        Assert.AreEqual(new string('x', 48), hb.GetProperty("bc").GetString());
    }
}
