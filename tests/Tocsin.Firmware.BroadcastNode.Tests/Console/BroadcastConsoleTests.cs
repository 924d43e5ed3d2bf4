using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.BroadcastNode.Tests.Support;

namespace Tocsin.Firmware.BroadcastNode.Tests.Console;

/// <summary>The technician's view: status, relays, last, selftest, and the settings.</summary>
[TestClass]
public sealed class BroadcastConsoleTests
{
    [TestMethod]
    public void Status_shows_the_broadcast_the_chain_the_player_power_and_rules()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 30), id: "on-air");
        h.Run(5_000);
        string status = h.Console("status");

        StringAssert.Contains(status, "broadcast: broadcasting on-air (warning, live, level III, step 1/2) held=1");
        StringAssert.Contains(status, "chain: ready amp=on zones=11");
        StringAssert.Contains(status, "player: ok");
        StringAssert.Contains(status, "power: mains batt_mv=12800 tamper=closed");
        StringAssert.Contains(status, "faults: none");
        StringAssert.Contains(status, "local rules: 0 configured");
    }

    [TestMethod]
    public void Relays_lists_the_amplifier_and_each_zone_with_its_feedback_and_the_current()
    {
        var h = new BroadcastHarness();
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 30, zones: new[] { 1 }), id: "z1");
        h.Run(5_000);
        string relays = h.Console("relays");

        StringAssert.Contains(relays, "amplifier: on");
        StringAssert.Contains(relays, "zone 1: closed feedback=closed");
        StringAssert.Contains(relays, "zone 2: open feedback=open");
        StringAssert.Contains(relays, "current: 570 mA");
    }

    [TestMethod]
    public void Last_lists_held_and_recent_broadcasts_with_their_results()
    {
        var h = new BroadcastHarness();
        h.Amplifier.LineOpen[0] = true;
        h.Amplifier.LineOpen[1] = true;
        h.Send("broadcast", "live", Bodies.Warning(sirenS: 2), id: "first");
        h.Run(12_000);
        h.Send("broadcast", "drill", Bodies.Warning(sirenS: 30, hazard: "typhoon"), id: "second");
        h.Run(2_000);
        string last = h.Console("last");

        StringAssert.Contains(last, "now  second warning drill level III active hazard=typhoon");
        StringAssert.Contains(last, "done first warning live failed (no_load_current)");
    }

    [TestMethod]
    public void Selftest_checks_the_broadcast_hardware_without_sounding()
    {
        var h = new BroadcastHarness();
        h.Run(5_000);
        h.Tamper.Active = true;
        h.Run(2_000);
        string selftest = h.Console("selftest");

        StringAssert.Contains(selftest, "PASS relays");
        StringAssert.Contains(selftest, "PASS player: answering");
        StringAssert.Contains(selftest, "PASS current sense: 0 mA now");
        StringAssert.Contains(selftest, "FAIL door: open");
        Assert.IsFalse(h.Amp.IsOn);
    }

    [TestMethod]
    public void Test_and_stop_explain_their_usage()
    {
        var h = new BroadcastHarness();
        StringAssert.Contains(h.Console("test loud"), "error: usage: test silent|growl");
        StringAssert.Contains(h.Console("help"), "relays");
    }

    [TestMethod]
    public void Every_setting_fits_the_store_even_with_all_rules_filled()
    {
        var h = new BroadcastHarness();
        for (int i = 1; i <= BroadcastSettings.RuleCount; i++)
        {
            h.Set("bn.rule" + i + ".src", new string('s', 32));
        }

        h.Set("wifi.ssid", new string('w', 32));
        h.Set("wifi.pass", new string('p', 64));
        h.Set("mqtt.host", new string('h', 64));
        h.Reboot();

        Assert.AreEqual(new string('s', 32), h.Runtime.Settings.GetText(h.Runtime.Settings.IndexOf("bn.rule3.src")));
    }
}
