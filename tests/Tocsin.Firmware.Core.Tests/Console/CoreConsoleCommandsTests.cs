using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Tests.Support;

namespace Tocsin.Firmware.Tests.Console;

/// <summary>help, status, config, log, mqtt, selftest and reboot on a whole node's console.</summary>
[TestClass]
public sealed class CoreConsoleCommandsTests
{
    private const string Secret = "secret-pass-1";

    [TestMethod]
    public void Help_lists_every_core_command()
    {
        var h = new NodeHarness();

        string reply = h.Console("help");

        foreach (string name in new[] { "help", "status", "config", "log", "mqtt", "selftest", "reboot", "provision" })
        {
            Assert.IsTrue(reply.Contains("\r\n" + name + " ", StringComparison.Ordinal) || reply.StartsWith(name + " ", StringComparison.Ordinal), name);
        }

        StringAssert.Contains(reply, "show and change settings");
        Assert.IsTrue(reply.EndsWith("ok\r\ntocsin> ", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Help_with_a_command_shows_its_usage()
    {
        var h = new NodeHarness();

        string reply = h.Console("help config");

        Assert.AreEqual("usage: config list | config get <name> | config set <name> <value> | config reset <name>\r\n"
            + "show and change settings (validated, saved to flash)\r\nok\r\ntocsin> ", reply);
        StringAssert.Contains(h.Console("help nope"), "error: unknown command 'nope'");
        StringAssert.Contains(h.Console("help a b"), "error: usage: help [command]");
    }

    [TestMethod]
    public void Status_shows_identity_time_link_and_the_module()
    {
        var h = new NodeHarness();
        h.Reboot();
        h.Tick(10);

        string reply = h.Console("status");

        StringAssert.Contains(reply, "node: bn-0001 kind=test community=licheng-fuqiao\r\n");
        StringAssert.Contains(reply, "config: ok");
        StringAssert.Contains(reply, "time: synchronized");
        StringAssert.Contains(reply, "mqtt: connected");
        StringAssert.Contains(reply, "test: module ok");
        StringAssert.Contains(h.Console("status extra"), "error: usage: status");
    }

    [TestMethod]
    public void Config_list_shows_every_setting_but_never_the_key_or_passwords()
    {
        var h = new NodeHarness();
        h.Console("config set wifi.pass wifi-secret-9");

        string reply = h.Console("config list");

        for (int i = 0; i < h.Runtime.Settings.Count; i++)
        {
            StringAssert.Contains(reply, h.Runtime.Settings.Definition(i).Name + " = ");
        }

        StringAssert.Contains(reply, "mqtt.pass = (set)");
        StringAssert.Contains(reply, "auth.key = (set)");
        StringAssert.Contains(reply, "wifi.pass = (set)");
        StringAssert.Contains(reply, "hb.period_s = 60    # heartbeat period in seconds [remote]");
        AssertNoSecrets(h, reply);
        Assert.IsFalse(reply.Contains("wifi-secret-9", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Config_get_shows_only_whether_a_secret_is_set()
    {
        var h = new NodeHarness();

        Assert.AreEqual("mqtt.pass = (set)\r\nok\r\ntocsin> ", h.Console("config get mqtt.pass"));
        Assert.AreEqual("auth.key = (set)\r\nok\r\ntocsin> ", h.Console("config get auth.key"));
        Assert.AreEqual("mqtt.port = 1883\r\nok\r\ntocsin> ", h.Console("config get mqtt.port"));
        StringAssert.Contains(h.Console("config get nope"), "error: unknown setting 'nope'; see 'config list'");
    }

    [TestMethod]
    public void Config_set_with_an_out_of_range_value_names_the_range_and_changes_nothing()
    {
        var h = new NodeHarness();
        byte[] stored = h.Flash.Read("config");
        int writes = h.Flash.WriteCount;

        string reply = h.Console("config set mqtt.port 70000");

        Assert.AreEqual("error: mqtt.port must be an integer from 1 to 65535\r\ntocsin> ", reply);
        Assert.AreEqual(1883L, h.Runtime.Settings.GetNumber(h.Runtime.Core.MqttPort));
        Assert.AreEqual(writes, h.Flash.WriteCount);
        CollectionAssert.AreEqual(stored, h.Flash.Read("config"));
        h.Reboot();
        Assert.AreEqual("mqtt.port = 1883\r\nok\r\ntocsin> ", h.Console("config get mqtt.port"));
    }

    [TestMethod]
    public void Config_set_persists_across_a_reboot()
    {
        var h = new NodeHarness();

        string reply = h.Console("config set hb.period_s 120");
        h.Reboot();

        Assert.AreEqual("hb.period_s = 120\r\nok\r\ntocsin> ", reply);
        Assert.AreEqual("hb.period_s = 120\r\nok\r\ntocsin> ", h.Console("config get hb.period_s"));
        Assert.AreEqual(120L, h.Runtime.Settings.GetNumber(h.Runtime.Core.HeartbeatS));
    }

    [TestMethod]
    public void Config_set_of_a_secret_echoes_only_that_it_is_set()
    {
        var h = new NodeHarness();

        string reply = h.Console("config set mqtt.pass \"new secret pass\"");

        Assert.AreEqual("mqtt.pass = (set)\r\nok\r\ntocsin> ", reply);
        Assert.AreEqual("new secret pass", h.Runtime.Settings.GetText(h.Runtime.Core.MqttPassword));
        StringAssert.Contains(h.Console("config set mqtt.pass short"), "error: mqtt.pass must be 8 to 64 characters");
        StringAssert.Contains(h.Console("config set auth.key " + Secret), "error: auth.key must be 32 bytes in base64");
        AssertNoSecrets(h, h.Console("log"));
    }

    [TestMethod]
    public void Config_set_of_wifi_says_it_takes_effect_after_reboot()
    {
        var h = new NodeHarness();

        Assert.AreEqual("wifi.ssid = 暴雨 net (takes effect after reboot)\r\nok\r\ntocsin> ", h.Console("config set wifi.ssid \"暴雨 net\""));
    }

    [TestMethod]
    public void Config_reset_restores_and_saves_the_default()
    {
        var h = new NodeHarness();
        h.Console("config set log.level 3");

        Assert.AreEqual("log.level = 1\r\nok\r\ntocsin> ", h.Console("config reset log.level"));
        h.Reboot();
        Assert.AreEqual(1L, h.Runtime.Settings.GetNumber(h.Runtime.Core.LogLevel));
    }

    [TestMethod]
    [DataRow("config")]
    [DataRow("config list extra")]
    [DataRow("config set mqtt.port")]
    [DataRow("config frobnicate")]
    public void Config_with_wrong_arguments_shows_its_usage(string line)
    {
        var h = new NodeHarness();

        StringAssert.Contains(h.Console(line), "error: usage: config list | config get <name>");
    }

    [TestMethod]
    public void Log_shows_recent_lines_and_how_many_there_were()
    {
        var h = new NodeHarness();

        string reply = h.Console("log");
        string two = h.Console("log 2");

        StringAssert.Contains(reply, "INF boot: test firmware 0.1.0");
        StringAssert.Contains(reply, " lines since boot)\r\nok\r\n");
        StringAssert.Contains(two, "(2 of ");
        Assert.AreEqual(3 + 2, two.Split("\r\n").Length);
        StringAssert.Contains(h.Console("log 0"), "error: usage: log [count]");
        StringAssert.Contains(h.Console("log many"), "error: usage: log [count]");
    }

    [TestMethod]
    public void Mqtt_shows_the_connected_state_and_broker()
    {
        var h = new NodeHarness();
        h.Tick(10);

        string reply = h.Console("mqtt");

        StringAssert.Contains(reply, "state: connected\r\n");
        StringAssert.Contains(reply, "broker: 127.0.0.1:1883 plain client=bn-0001 user=bn-0001\r\n");
        Assert.IsFalse(reply.Contains(Secret, StringComparison.Ordinal));
        StringAssert.Contains(h.Console("mqtt reconnect"), "reconnecting\r\nok\r\n");
    }

    [TestMethod]
    public void Mqtt_reconnect_on_an_unprovisioned_node_is_an_error()
    {
        var h = new NodeHarness(provisioned: false);

        StringAssert.Contains(h.Console("mqtt"), "state: idle");
        StringAssert.Contains(h.Console("mqtt reconnect"), "error: not provisioned: no broker to connect to");
    }

    [TestMethod]
    public void Selftest_passes_every_check_when_connected_with_synchronized_time()
    {
        var h = new NodeHarness();
        h.Tick(10);

        string reply = h.Console("selftest");

        foreach (string check in new[] { "config", "provisioned", "flash", "storage", "hmac", "memory", "time", "mqtt" })
        {
            StringAssert.Contains(reply, "PASS " + check + ": ");
        }

        StringAssert.Contains(reply, "PASS module: test hardware");
        Assert.IsFalse(reply.Contains("FAIL", StringComparison.Ordinal), reply);
        Assert.IsTrue(reply.EndsWith("ok\r\ntocsin> ", StringComparison.Ordinal));
        Assert.IsNull(h.Flash.Read("selftest"), "the test record is removed");
    }

    [TestMethod]
    public void Selftest_reports_FAIL_time_without_synchronized_time()
    {
        var h = new NodeHarness(timeSynchronized: false);
        h.Tick(10);

        string reply = h.Console("selftest");

        StringAssert.Contains(reply, "FAIL time: not synchronized");
        Assert.AreEqual(1, reply.Split("FAIL").Length - 1, reply);
        Assert.IsTrue(reply.EndsWith("error: 1 check(s) failed\r\ntocsin> ", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Selftest_reports_each_failing_check()
    {
        var h = new NodeHarness(provisioned: false);
        h.System.FreeBytes = 1000;
        h.Module.SelfTestPasses = false;

        string reply = h.Console("selftest");

        StringAssert.Contains(reply, "FAIL provisioned: run 'provision'");
        StringAssert.Contains(reply, "FAIL memory: 1000 bytes free");
        StringAssert.Contains(reply, "FAIL mqtt: idle");
        StringAssert.Contains(reply, "FAIL module: test hardware");
        StringAssert.Contains(reply, "error: 4 check(s) failed");
    }

    [TestMethod]
    public void Reboot_requests_a_restart_about_half_a_second_later()
    {
        var h = new NodeHarness();

        Assert.AreEqual("rebooting in 0.5 s\r\nok\r\ntocsin> ", h.Console("reboot"));
        Assert.IsFalse(h.System.RebootRequested);
        h.Run(1000);

        Assert.IsTrue(h.System.RebootRequested);
        Assert.IsTrue(h.Sink.Lines.Any(l => l.Contains("reboot requested on the console", StringComparison.Ordinal)));
        StringAssert.Contains(h.Console("reboot now"), "error: usage: reboot");
    }

    internal static void AssertNoSecrets(NodeHarness h, string text)
    {
        Assert.IsFalse(text.Contains(Secret, StringComparison.Ordinal), "the MQTT password leaked: " + text);
        Assert.IsFalse(text.Contains(Convert.ToBase64String(h.Key), StringComparison.Ordinal), "the key leaked: " + text);
        Assert.IsFalse(text.Contains(Convert.ToBase64String(h.Key).Substring(0, 16), StringComparison.Ordinal), "part of the key leaked: " + text);
    }
}
