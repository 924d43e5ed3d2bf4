using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Config;

namespace Tocsin.Firmware.Tests.Config;

[TestClass]
public sealed class SettingsTests
{
    internal static readonly string KeyBase64 = Convert.ToBase64String(KeyBytes());

    [TestMethod]
    public void Core_settings_start_at_their_defaults()
    {
        Settings s = New(out CoreSettings core);

        Assert.AreEqual(1883L, s.GetNumber(core.MqttPort));
        Assert.IsFalse(s.GetBool(core.MqttTls));
        Assert.AreEqual(60L, s.GetNumber(core.HeartbeatS));
        Assert.AreEqual(1L, s.GetNumber(core.LogLevel));
        Assert.IsNull(s.GetText(core.NodeId));
        Assert.IsNull(s.GetKey(core.AuthKey));
        Assert.IsFalse(s.HasValue(core.NodeId));
        Assert.IsFalse(s.HasValue(core.AuthKey));
        Assert.IsTrue(s.HasValue(core.MqttPort));
        Assert.IsFalse(core.IsProvisioned(s));
    }

    [TestMethod]
    public void Register_returns_consecutive_indexes_and_IndexOf_finds_them()
    {
        var s = new Settings();

        Assert.AreEqual(0, s.Register(SettingDefinition.Integer("a.n", 0, 9, 1, "n")));
        Assert.AreEqual(1, s.Register(SettingDefinition.Boolean("a.b", true, "b")));
        Assert.AreEqual(2, s.Count);
        Assert.AreEqual(1, s.IndexOf("a.b"));
        Assert.AreEqual(-1, s.IndexOf("a.c"));
        Assert.AreEqual("a.b", s.Definition(1).Name);
        Assert.IsTrue(s.GetBool(1));
    }

    [TestMethod]
    public void Registering_a_name_twice_throws_ArgumentException()
    {
        Settings s = New(out _);
        bool threw = false;
        try
        {
            s.Register(SettingDefinition.Integer("mqtt.port", 1, 2, 1, "again"));
        }
        catch (ArgumentException)
        {
            threw = true;
        }

        Assert.IsTrue(threw);
    }

    [TestMethod]
    public void Set_applies_valid_values_of_every_kind()
    {
        Settings s = New(out CoreSettings core);

        Assert.IsNull(s.Set("mqtt.port", "8883"));
        Assert.IsNull(s.Set("mqtt.tls", "true"));
        Assert.IsNull(s.Set("node.id", "sn-0042"));
        Assert.IsNull(s.Set("wifi.ssid", "暴雨 预警 net"));
        Assert.IsNull(s.Set("auth.key", KeyBase64));

        Assert.AreEqual(8883L, s.GetNumber(core.MqttPort));
        Assert.IsTrue(s.GetBool(core.MqttTls));
        Assert.AreEqual("sn-0042", s.GetText(core.NodeId));
        Assert.AreEqual("暴雨 预警 net", s.GetText(core.WifiSsid));
        CollectionAssert.AreEqual(KeyBytes(), s.GetKey(core.AuthKey));
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("65536")]
    [DataRow("70000")]
    [DataRow("-1")]
    [DataRow("abc")]
    [DataRow("80.5")]
    [DataRow("")]
    [DataRow(" 80")]
    [DataRow("99999999999999999999")]
    public void An_integer_out_of_range_or_not_numeric_is_refused_naming_the_setting_and_range(string text)
    {
        Settings s = New(out CoreSettings core);

        Assert.AreEqual("mqtt.port must be an integer from 1 to 65535", s.Set("mqtt.port", text));
        Assert.AreEqual(1883L, s.GetNumber(core.MqttPort));
    }

    [TestMethod]
    public void Integer_bounds_are_inclusive()
    {
        Settings s = New(out CoreSettings core);

        Assert.IsNull(s.Set("mqtt.port", "1"));
        Assert.IsNull(s.Set("mqtt.port", "65535"));
        Assert.AreEqual(65535L, s.GetNumber(core.MqttPort));
    }

    [TestMethod]
    public void Text_longer_than_its_limit_is_refused_naming_the_length_rule()
    {
        Settings s = New(out CoreSettings core);
        Assert.IsNull(s.Set("node.id", new string('a', 32)));

        Assert.AreEqual("node.id must be 1 to 32 characters", s.Set("node.id", new string('a', 33)));
        Assert.AreEqual("node.id must be 1 to 32 characters", s.Set("node.id", string.Empty));
        Assert.AreEqual("mqtt.pass must be 8 to 64 characters", s.Set("mqtt.pass", "short"));
        Assert.AreEqual(new string('a', 32), s.GetText(core.NodeId));
    }

    [TestMethod]
    [DataRow("a/b")]
    [DataRow("a b")]
    [DataRow("a#b")]
    [DataRow("a+b")]
    [DataRow("tocsin/v1/#")]
    [DataRow("é")]
    [DataRow("a\tb")]
    public void An_identifier_outside_its_alphabet_is_refused(string text)
    {
        Settings s = New(out CoreSettings core);

        Assert.AreEqual("node.id may contain only letters, digits, '.', '_', '-', ':'", s.Set("node.id", text));
        Assert.IsNull(s.GetText(core.NodeId));
    }

    [TestMethod]
    public void A_host_outside_its_alphabet_is_refused()
    {
        Settings s = New(out _);

        Assert.AreEqual("mqtt.host may contain only a host name or IP address", s.Set("mqtt.host", "broker_1.local"));
        Assert.IsNull(s.Set("mqtt.host", "fe80::1"));
        Assert.IsNull(s.Set("mqtt.host", "broker-1.example.org"));
    }

    [TestMethod]
    [DataRow("true", true)]
    [DataRow("on", true)]
    [DataRow("1", true)]
    [DataRow("false", false)]
    [DataRow("off", false)]
    [DataRow("0", false)]
    public void Booleans_accept_true_false_on_off_1_0(string text, bool expected)
    {
        Settings s = New(out CoreSettings core);
        s.Set("mqtt.tls", expected ? "false" : "true");

        Assert.IsNull(s.Set("mqtt.tls", text));
        Assert.AreEqual(expected, s.GetBool(core.MqttTls));
    }

    [TestMethod]
    [DataRow("yes")]
    [DataRow("TRUE")]
    [DataRow("2")]
    [DataRow("")]
    public void Other_boolean_words_are_refused(string text)
    {
        Settings s = New(out _);

        Assert.AreEqual("mqtt.tls must be true or false", s.Set("mqtt.tls", text));
    }

    [TestMethod]
    public void A_key_must_be_exactly_32_bytes_of_base64()
    {
        Settings s = New(out CoreSettings core);
        const string rule = "auth.key must be 32 bytes in base64 (44 characters)";

        Assert.AreEqual(rule, s.Set("auth.key", Convert.ToBase64String(new byte[31])));
        Assert.AreEqual(rule, s.Set("auth.key", Convert.ToBase64String(new byte[33])));
        Assert.AreEqual(rule, s.Set("auth.key", Convert.ToBase64String(new byte[48])));
        Assert.AreEqual(rule, s.Set("auth.key", "!" + KeyBase64.Substring(1)));
        Assert.AreEqual(rule, s.Set("auth.key", KeyBase64.Substring(1)));
        Assert.AreEqual(rule, s.Set("auth.key", "not base64 at all"));
        Assert.IsNull(s.GetKey(core.AuthKey));
    }

    [TestMethod]
    public void Unknown_names_and_missing_values_are_refused()
    {
        Settings s = New(out _);

        Assert.AreEqual("unknown setting 'mqtt.portt'", s.Set("mqtt.portt", "1"));
        Assert.AreEqual("unknown setting 'x'", s.Validate("x", "1"));
        Assert.AreEqual("mqtt.port: a value is required", s.Set("mqtt.port", null));
    }

    [TestMethod]
    public void Validate_reports_like_Set_but_changes_nothing()
    {
        Settings s = New(out CoreSettings core);

        Assert.IsNull(s.Validate("mqtt.port", "8883"));
        Assert.IsNull(s.Validate("node.id", "sn-1"));
        Assert.IsNull(s.Validate("auth.key", KeyBase64));
        Assert.AreEqual(s.Set("mqtt.port", "0"), s.Validate("mqtt.port", "0"));

        Assert.AreEqual(1883L, s.GetNumber(core.MqttPort));
        Assert.IsNull(s.GetText(core.NodeId));
        Assert.IsNull(s.GetKey(core.AuthKey));
    }

    [TestMethod]
    public void Reset_restores_one_default()
    {
        Settings s = New(out CoreSettings core);
        s.Set("mqtt.port", "8883");
        s.Set("auth.key", KeyBase64);

        s.Reset(core.MqttPort);
        s.Reset(core.AuthKey);

        Assert.AreEqual(1883L, s.GetNumber(core.MqttPort));
        Assert.IsNull(s.GetKey(core.AuthKey));
    }

    [TestMethod]
    public void Display_shows_values_but_only_whether_secrets_are_set()
    {
        Settings s = New(out CoreSettings core);
        Assert.AreEqual("(not set)", s.Display(core.MqttPassword));
        Assert.AreEqual("(not set)", s.Display(core.AuthKey));
        Assert.AreEqual(string.Empty, s.Display(core.NodeId));

        s.Set("mqtt.pass", "secret-pass-1");
        s.Set("auth.key", KeyBase64);
        s.Set("wifi.pass", "wifi-secret");
        s.Set("node.id", "sn-1");

        Assert.AreEqual("(set)", s.Display(core.MqttPassword));
        Assert.AreEqual("(set)", s.Display(core.AuthKey));
        Assert.AreEqual("(set)", s.Display(core.WifiPassword));
        Assert.AreEqual("sn-1", s.Display(core.NodeId));
        Assert.AreEqual("1883", s.Display(core.MqttPort));
        Assert.AreEqual("false", s.Display(core.MqttTls));
    }

    [TestMethod]
    public void An_empty_optional_secret_counts_as_not_set()
    {
        Settings s = New(out CoreSettings core);

        Assert.IsNull(s.Set("wifi.pass", string.Empty));
        Assert.IsFalse(s.HasValue(core.WifiPassword));
        Assert.AreEqual("(not set)", s.Display(core.WifiPassword));
    }

    [TestMethod]
    public void IsProvisioned_needs_identity_broker_credentials_and_key()
    {
        Settings s = New(out CoreSettings core);
        s.Set("node.id", "sn-1");
        s.Set("node.community", "c-1");
        s.Set("mqtt.host", "broker");
        s.Set("mqtt.user", "sn-1");
        s.Set("mqtt.pass", "secret-pass-1");
        Assert.IsFalse(core.IsProvisioned(s));

        s.Set("auth.key", KeyBase64);

        Assert.IsTrue(core.IsProvisioned(s));
    }

    [TestMethod]
    public void Definitions_chain_secret_and_remote_flags()
    {
        SettingDefinition d = SettingDefinition.Text("x.y", 0, 4, TextAlphabet.Printable, "ab", "help").AsSecret().AsRemote();

        Assert.IsTrue(d.Secret);
        Assert.IsTrue(d.Remote);
        Assert.AreEqual(SettingKind.Text, d.Kind);
        Assert.AreEqual("ab", d.DefaultText);
        Assert.IsTrue(SettingDefinition.Key("k", "h").Secret);
        Assert.AreEqual(1L, SettingDefinition.Boolean("b", true, "h").DefaultNumber);
    }

    [TestMethod]
    public void Version_moves_on_every_change_and_not_on_a_refused_one()
    {
        Settings s = New(out CoreSettings core);
        int v0 = s.Version;

        Assert.IsNull(s.Set("mqtt.port", "8883"));
        int v1 = s.Version;
        Assert.AreNotEqual(v0, v1);

        Assert.IsNotNull(s.Set("mqtt.port", "not-a-number"));
        Assert.IsNotNull(s.Set("no.such.setting", "1"));
        Assert.AreEqual(v1, s.Version, "a refused value moved the version");

        s.Reset(core.MqttPort);
        int v2 = s.Version;
        Assert.AreNotEqual(v1, s.Version);

        s.Load(new Tocsin.Simulator.Hardware.SimFlashStore());
        Assert.AreNotEqual(v2, s.Version, "a load did not move the version");
    }

    internal static Settings New(out CoreSettings core)
    {
        var s = new Settings();
        core = new CoreSettings(s);
        return s;
    }

    internal static byte[] KeyBytes()
    {
        var key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(200 - i);
        }

        return key;
    }
}
