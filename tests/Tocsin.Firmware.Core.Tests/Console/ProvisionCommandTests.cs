using System;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Mqtt;
using Tocsin.Firmware.Tests.Support;
using Tocsin.Firmware.Util;

namespace Tocsin.Firmware.Tests.Console;

/// <summary>
/// provision takes the controller's bundle (TCS1:&lt;base64 JSON&gt;:&lt;crc32 hex&gt;) or name=value
/// pairs; it applies all values or none, and never echoes a secret.
/// </summary>
[TestClass]
public sealed class ProvisionCommandTests
{
    private const string BundleKeyBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private const string GoodJson = "{\"v\":1,\"node.id\":\"sn-0042\",\"node.community\":\"licheng-fuqiao\",\"wifi.ssid\":\"暴雨 net\","
        + "\"wifi.pass\":\"wifi-pass-42\",\"mqtt.host\":\"broker.example.org\",\"mqtt.port\":8883,\"mqtt.tls\":true,"
        + "\"mqtt.user\":\"sn-0042\",\"mqtt.pass\":\"bundle-pass-42\",\"auth.key\":\"" + BundleKeyBase64 + "\"}";

    [TestMethod]
    public void A_correct_bundle_provisions_the_node_which_then_connects_with_it()
    {
        var h = new NodeHarness(provisioned: false);

        string reply = h.Console("provision " + Bundle(GoodJson));

        StringAssert.Contains(reply, "provisioned 10 setting(s); node sn-0042 is complete\r\n");
        Assert.IsTrue(reply.EndsWith("ok\r\ntocsin> ", StringComparison.Ordinal), reply);
        Assert.IsTrue(h.Runtime.IsProvisioned);
        Assert.AreEqual("sn-0042", h.Runtime.NodeId);
        Assert.AreEqual("暴雨 net", h.Runtime.Settings.GetText(h.Runtime.Core.WifiSsid));
        CollectionAssert.AreEqual(Convert.FromBase64String(BundleKeyBase64), h.Runtime.Settings.GetKey(h.Runtime.Core.AuthKey));
        AssertNoneOf(reply, "bundle-pass-42", "wifi-pass-42", BundleKeyBase64);

        h.Tick(10);
        Assert.AreEqual(SessionState.Connected, h.Runtime.Session.State);
        var connect = h.Link.Connects.Last();
        Assert.AreEqual("broker.example.org", connect.Host);
        Assert.AreEqual(8883, connect.Port);
        Assert.IsTrue(connect.UseTls);
        Assert.AreEqual("bundle-pass-42", connect.Password);
    }

    [TestMethod]
    public void A_bundle_takes_the_longest_values_the_settings_allow_raw_or_escaped()
    {
        var h = new NodeHarness(provisioned: false);
        string ssid = new string('暴', 32);
        string pass = new string('雨', 64);
        string escapedSsid = string.Concat(Enumerable.Repeat("\\u66b4", 32));
        string json = "{\"v\":1,\"wifi.ssid\":\"" + escapedSsid + "\",\"mqtt.pass\":\"" + pass + "\"}";
        Assert.IsNull(h.Runtime.Settings.Validate("wifi.ssid", ssid));
        Assert.IsNull(h.Runtime.Settings.Validate("mqtt.pass", pass));

        string reply = h.Console("provision " + Bundle(json));

        StringAssert.Contains(reply, "provisioned 2 setting(s)");
        Assert.AreEqual(ssid, h.Runtime.Settings.GetText(h.Runtime.Core.WifiSsid));
        Assert.AreEqual(pass, h.Runtime.Settings.GetText(h.Runtime.Core.MqttPassword));
    }

    [TestMethod]
    public void A_provisioned_bundle_survives_a_reboot()
    {
        var h = new NodeHarness(provisioned: false);
        h.Console("provision " + Bundle(GoodJson));

        h.Reboot();

        Assert.IsTrue(h.Runtime.IsProvisioned);
        Assert.AreEqual("sn-0042", h.Runtime.NodeId);
        Assert.AreEqual(8883L, h.Runtime.Settings.GetNumber(h.Runtime.Core.MqttPort));
    }

    [TestMethod]
    public void The_checksum_may_be_given_in_upper_case()
    {
        var h = new NodeHarness(provisioned: false);
        string bundle = Bundle(GoodJson);
        int colon = bundle.LastIndexOf(':');

        StringAssert.Contains(h.Console("provision " + bundle.Substring(0, colon) + bundle.Substring(colon).ToUpperInvariant()), "ok\r\n");
    }

    [TestMethod]
    public void A_bundle_with_a_bad_checksum_changes_nothing()
    {
        var h = new NodeHarness(provisioned: false);
        string bundle = Bundle(GoodJson);
        string wrong = bundle.Substring(0, bundle.Length - 1) + (bundle.EndsWith('0') ? "1" : "0");

        AssertRefusedAndUnchanged(h, "provision " + wrong, "error: bundle checksum does not match (mistyped or truncated)");
    }

    [TestMethod]
    public void A_truncated_paste_is_refused()
    {
        var h = new NodeHarness(provisioned: false);
        string bundle = Bundle(GoodJson);
        string body = bundle.Substring(5, bundle.LastIndexOf(':') - 5);

        AssertRefusedAndUnchanged(h, "provision TCS1:" + body.Substring(0, body.Length - 4) + bundle.Substring(bundle.LastIndexOf(':')), "error: bundle checksum does not match");
        AssertRefusedAndUnchanged(h, "provision TCS1:" + body.Substring(0, body.Length - 1) + bundle.Substring(bundle.LastIndexOf(':')), "error: bundle is not valid base64");
        AssertRefusedAndUnchanged(h, "provision TCS1:" + body, "error: bundle must be TCS1:<base64>:<crc32 hex>");
        AssertRefusedAndUnchanged(h, "provision TCS1:", "error: bundle must be TCS1:<base64>:<crc32 hex>");
    }

    [TestMethod]
    public void A_bundle_of_another_version_is_refused()
    {
        var h = new NodeHarness(provisioned: false);

        AssertRefusedAndUnchanged(h, "provision " + Bundle(GoodJson.Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal)), "error: bundle version not supported (expected v=1)");
    }

    [TestMethod]
    public void A_bundle_that_is_not_a_JSON_object_is_refused()
    {
        var h = new NodeHarness(provisioned: false);

        AssertRefusedAndUnchanged(h, "provision " + Bundle("[1,2]"), "error: bundle is not a JSON object");
        AssertRefusedAndUnchanged(h, "provision " + Bundle("{\"node.id\":\"sn-1\","), "error: bundle JSON: ");
        AssertRefusedAndUnchanged(h, "provision " + Bundle("{\"node.id\":{\"x\":1}}"), "error: bundle field 'node.id' has an unsupported value");
    }

    [TestMethod]
    public void A_bundle_with_a_name_that_may_not_be_provisioned_changes_nothing()
    {
        var h = new NodeHarness(provisioned: false);
        string json = GoodJson.Replace("}", ",\"hb.period_s\":5}", StringComparison.Ordinal);

        AssertRefusedAndUnchanged(h, "provision " + Bundle(json), "error: 'hb.period_s' cannot be provisioned; allowed: node.id");
    }

    [TestMethod]
    public void A_bundle_with_one_invalid_value_among_valid_ones_changes_nothing()
    {
        var h = new NodeHarness(provisioned: false);
        string json = GoodJson.Replace("\"mqtt.port\":8883", "\"mqtt.port\":70000", StringComparison.Ordinal);

        AssertRefusedAndUnchanged(h, "provision " + Bundle(json), "error: mqtt.port must be an integer from 1 to 65535; nothing changed");
    }

    [TestMethod]
    public void Pairs_with_a_disallowed_name_change_nothing()
    {
        var h = new NodeHarness();
        string before = h.Console("config list");
        byte[] stored = h.Flash.Read("config");

        string reply = h.Console("provision node.id=sn-0099 hb.period_s=5");

        StringAssert.Contains(reply, "error: 'hb.period_s' cannot be provisioned");
        Assert.AreEqual(before, h.Console("config list"));
        CollectionAssert.AreEqual(stored, h.Flash.Read("config"));
    }

    [TestMethod]
    public void Pairs_with_one_invalid_value_among_valid_ones_change_nothing()
    {
        var h = new NodeHarness();
        string before = h.Console("config list");
        byte[] stored = h.Flash.Read("config");

        string reply = h.Console("provision node.id=sn-0099 mqtt.host=other.host mqtt.user=a/b mqtt.port=1884");

        Assert.AreEqual("error: mqtt.user may contain only letters, digits, '.', '_', '-', ':'; nothing changed\r\ntocsin> ", reply);
        Assert.AreEqual(NodeHarness.NodeId, h.Runtime.NodeId);
        Assert.AreEqual(before, h.Console("config list"));
        CollectionAssert.AreEqual(stored, h.Flash.Read("config"));
    }

    [TestMethod]
    public void Pairs_naming_a_setting_twice_are_refused()
    {
        var h = new NodeHarness(provisioned: false);

        AssertRefusedAndUnchanged(h, "provision node.id=a node.id=b", "error: 'node.id' given twice");
    }

    [TestMethod]
    public void Provision_without_arguments_shows_its_usage()
    {
        var h = new NodeHarness(provisioned: false);

        StringAssert.Contains(h.Console("provision"), "error: usage: provision TCS1:<bundle>:<crc>");
    }

    [TestMethod]
    public void Partial_pairs_provision_but_say_what_is_still_missing()
    {
        var h = new NodeHarness(provisioned: false);

        string reply = h.Console("provision node.id=sn-7 mqtt.port=1884");

        StringAssert.Contains(reply, "provisioned 2 setting(s); node sn-7 still lacks identity, broker, credentials or key");
        Assert.IsFalse(h.Runtime.IsProvisioned);
    }

    [TestMethod]
    [DataRow("provision secret-pass-1")]
    [DataRow("provision node.id=sn-1 secret-pass-1")]
    [DataRow("provision secret-pass-1=x")]
    [DataRow("provision hb.period_s=secret-pass-1")]
    [DataRow("provision mqtt.port=secret-pass-1")]
    [DataRow("provision mqtt.user=a/b mqtt.pass=secret-pass-1")]
    [DataRow("provision mqtt.pass=secret-pass-1 mqtt.pass=secret-pass-1")]
    public void A_secret_given_in_the_wrong_place_is_never_echoed_whole(string line)
    {
        var h = new NodeHarness(provisioned: false);

        string reply = h.Console(line);

        StringAssert.Contains(reply, "error: ");
        AssertNoneOf(reply + string.Join("\n", h.Sink.Lines), "secret-pass-1");
    }

    [TestMethod]
    public void A_key_pasted_in_the_wrong_place_is_never_echoed_whole()
    {
        var h = new NodeHarness(provisioned: false);
        string key = Convert.ToBase64String(h.Key);

        string noName = h.Console("provision " + key);
        string asName = h.Console("provision " + key.TrimEnd('=') + "=x");

        StringAssert.Contains(noName, "error: ");
        StringAssert.Contains(asName, "error: ");
        AssertNoneOf(noName + asName, key, key.Substring(0, 16));
    }

    // TCS1:<base64 of the JSON>:<CRC-32 of the JSON bytes as 8 lowercase hex digits>.
    internal static string Bundle(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        return "TCS1:" + Convert.ToBase64String(bytes) + ":" + Crc32.Compute(bytes, 0, bytes.Length).ToString("x8");
    }

    private static void AssertRefusedAndUnchanged(NodeHarness h, string line, string expectedError)
    {
        byte[] stored = h.Flash.Read("config");
        string before = h.Console("config list");

        string reply = h.Console(line);

        StringAssert.Contains(reply, expectedError);
        Assert.IsTrue(reply.EndsWith("tocsin> ", StringComparison.Ordinal));
        Assert.IsFalse(reply.Contains("ok\r\n", StringComparison.Ordinal), reply);
        Assert.AreEqual(before, h.Console("config list"));
        CollectionAssert.AreEqual(stored, h.Flash.Read("config"));
    }

    private static void AssertNoneOf(string text, params string[] secrets)
    {
        foreach (string secret in secrets)
        {
            Assert.IsFalse(text.Contains(secret, StringComparison.Ordinal), "'" + secret + "' was echoed: " + text);
        }
    }
}
