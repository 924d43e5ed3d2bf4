using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Config;
using Tocsin.Firmware.Util;
using Tocsin.Simulator.Hardware;

namespace Tocsin.Firmware.Tests.Config;

/// <summary>Save and Load through simulated flash: a CRC-checked JSON record under "config".</summary>
[TestClass]
public sealed class SettingsPersistenceTests
{
    [TestMethod]
    public void Save_then_Load_restores_every_value()
    {
        var flash = new SimFlashStore();
        Settings saved = Configured(out _);

        Assert.IsTrue(saved.Save(flash));
        Settings loaded = SettingsTests.New(out CoreSettings core);
        loaded.Set("mqtt.port", "1");

        Assert.AreEqual(SettingsLoadResult.Loaded, loaded.Load(flash));
        Assert.AreEqual(SettingsLoadResult.Loaded, loaded.LoadResult);
        Assert.AreEqual("sn-0042", loaded.GetText(core.NodeId));
        Assert.AreEqual("暴雨红色预警 🚨 \"net\"", loaded.GetText(core.WifiSsid));
        Assert.AreEqual("secret-pass-1", loaded.GetText(core.MqttPassword));
        Assert.AreEqual(8883L, loaded.GetNumber(core.MqttPort));
        Assert.IsTrue(loaded.GetBool(core.MqttTls));
        Assert.AreEqual(120L, loaded.GetNumber(core.HeartbeatS));
        CollectionAssert.AreEqual(SettingsTests.KeyBytes(), loaded.GetKey(core.AuthKey));
        Assert.IsNull(loaded.GetText(core.MqttUser), "never set, so still unset");
        Assert.IsTrue(loaded.HasValue(core.AuthKey));
    }

    [TestMethod]
    public void Save_then_Load_round_trips_every_text_setting_at_its_longest()
    {
        var flash = new SimFlashStore();
        Settings saved = SettingsTests.New(out CoreSettings core);
        string[] values =
        {
            new string('i', 32), new string('c', 48), new string('暴', 32), new string('雨', 64),
            new string('h', 64), new string('u', 48), new string('"', 32) + new string('\\', 32),
        };
        int[] indexes = { core.NodeId, core.Community, core.WifiSsid, core.WifiPassword, core.MqttHost, core.MqttUser, core.MqttPassword };
        for (int i = 0; i < values.Length; i++)
        {
            Assert.IsNull(saved.Set(saved.Definition(indexes[i]).Name, values[i]));
        }

        Assert.IsTrue(saved.Save(flash));
        Settings loaded = SettingsTests.New(out _);

        Assert.AreEqual(SettingsLoadResult.Loaded, loaded.Load(flash));
        for (int i = 0; i < values.Length; i++)
        {
            Assert.AreEqual(values[i], loaded.GetText(indexes[i]));
        }
    }

    [TestMethod]
    public void The_stored_record_is_JSON_followed_by_its_CRC_32_little_endian()
    {
        var flash = new SimFlashStore();
        Settings s = Configured(out _);
        s.Save(flash);

        byte[] record = flash.Read("config");
        int length = record.Length - 4;
        uint crc = Crc32.Compute(record, 0, length);

        Assert.AreEqual(crc, BitConverter.ToUInt32(record, length));
        string json = Encoding.UTF8.GetString(record, 0, length);
        StringAssert.Contains(json, "\"mqtt.port\":8883");
        StringAssert.Contains(json, "\"mqtt.tls\":true");
        StringAssert.Contains(json, "\"node.id\":\"sn-0042\"");
    }

    [TestMethod]
    public void Load_with_nothing_stored_reports_Missing_and_uses_defaults()
    {
        Settings s = SettingsTests.New(out CoreSettings core);
        s.Set("mqtt.port", "8883");

        Assert.AreEqual(SettingsLoadResult.Missing, s.Load(new SimFlashStore()));
        Assert.AreEqual(SettingsLoadResult.Missing, s.LoadResult);
        Assert.AreEqual(1883L, s.GetNumber(core.MqttPort));
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(5)]
    [DataRow(40)]
    [DataRow(-1)]
    [DataRow(-4)]
    public void A_corrupted_record_reports_Corrupt_and_restores_all_defaults(int index)
    {
        var flash = new SimFlashStore();
        Configured(out _).Save(flash);
        int length = flash.Read("config").Length;
        flash.Corrupt("config", index < 0 ? length + index : index);

        Settings s = Configured(out CoreSettings core);

        Assert.AreEqual(SettingsLoadResult.Corrupt, s.Load(flash));
        AssertAllDefaults(s, core);
    }

    [TestMethod]
    public void A_record_with_a_valid_CRC_but_broken_JSON_is_Corrupt_and_not_half_read()
    {
        var flash = new SimFlashStore();
        flash.Put("config", Record("{\"mqtt.port\":8883,\"node.id\":\"sn-1\",\"log.level\":"));
        Settings s = SettingsTests.New(out CoreSettings core);

        Assert.AreEqual(SettingsLoadResult.Corrupt, s.Load(flash));
        AssertAllDefaults(s, core);
    }

    [TestMethod]
    [DataRow("[1,2]")]
    [DataRow("\"text\"")]
    [DataRow("{\"mqtt.port\":8883} trailing")]
    [DataRow("{\"mqtt.port\":8883,}")]
    public void A_record_that_is_not_one_JSON_object_is_Corrupt(string json)
    {
        var flash = new SimFlashStore();
        flash.Put("config", Record(json));
        Settings s = SettingsTests.New(out CoreSettings core);

        Assert.AreEqual(SettingsLoadResult.Corrupt, s.Load(flash));
        AssertAllDefaults(s, core);
    }

    [TestMethod]
    public void A_record_too_short_to_hold_a_CRC_is_Corrupt()
    {
        var flash = new SimFlashStore();
        flash.Put("config", new byte[] { 0x7B, 0x7D, 0x00 });

        Assert.AreEqual(SettingsLoadResult.Corrupt, SettingsTests.New(out _).Load(flash));
    }

    [TestMethod]
    public void An_out_of_range_value_under_a_valid_CRC_is_Repaired_to_its_default_keeping_the_others()
    {
        var flash = new SimFlashStore();
        flash.Put("config", Record("{\"node.id\":\"sn-0042\",\"mqtt.port\":70000,\"log.level\":2,\"mqtt.tls\":true}"));
        Settings s = SettingsTests.New(out CoreSettings core);

        Assert.AreEqual(SettingsLoadResult.Repaired, s.Load(flash));
        Assert.AreEqual(SettingsLoadResult.Repaired, s.LoadResult);
        Assert.AreEqual(1883L, s.GetNumber(core.MqttPort));
        Assert.AreEqual("sn-0042", s.GetText(core.NodeId));
        Assert.AreEqual(2L, s.GetNumber(core.LogLevel));
        Assert.IsTrue(s.GetBool(core.MqttTls));
    }

    [TestMethod]
    [DataRow("{\"node.id\":\"a/b\",\"log.level\":2}")]
    [DataRow("{\"node.id\":\"\",\"log.level\":2}")]
    [DataRow("{\"mqtt.port\":1883.5,\"log.level\":2}")]
    [DataRow("{\"mqtt.port\":\"8883x\",\"log.level\":2}")]
    [DataRow("{\"mqtt.tls\":\"maybe\",\"log.level\":2}")]
    [DataRow("{\"auth.key\":\"c2hvcnQ=\",\"log.level\":2}")]
    [DataRow("{\"mqtt.port\":{\"nested\":[1]},\"log.level\":2}")]
    [DataRow("{\"mqtt.port\":null,\"log.level\":2}")]
    public void A_value_of_the_wrong_type_or_shape_is_Repaired(string json)
    {
        var flash = new SimFlashStore();
        flash.Put("config", Record(json));
        Settings s = SettingsTests.New(out CoreSettings core);

        Assert.AreEqual(SettingsLoadResult.Repaired, s.Load(flash));
        Assert.AreEqual(2L, s.GetNumber(core.LogLevel));
        Assert.AreEqual(1883L, s.GetNumber(core.MqttPort));
        Assert.IsNull(s.GetText(core.NodeId));
        Assert.IsNull(s.GetKey(core.AuthKey));
        Assert.IsFalse(s.GetBool(core.MqttTls));
    }

    [TestMethod]
    public void Unknown_stored_names_are_ignored()
    {
        var flash = new SimFlashStore();
        flash.Put("config", Record("{\"old.setting\":{\"a\":[1,{\"b\":null}]},\"mqtt.port\":1884,\"gone\":\"x\",\"also.gone\":[],\"log.level\":0}"));
        Settings s = SettingsTests.New(out CoreSettings core);

        Assert.AreEqual(SettingsLoadResult.Loaded, s.Load(flash));
        Assert.AreEqual(1884L, s.GetNumber(core.MqttPort));
        Assert.AreEqual(0L, s.GetNumber(core.LogLevel));
    }

    [TestMethod]
    public void Settings_registered_later_load_alongside_core_ones()
    {
        var flash = new SimFlashStore();
        Settings saved = SettingsTests.New(out _);
        int extra = saved.Register(SettingDefinition.Integer("test.period_s", 5, 600, 30, "t"));
        saved.Set("test.period_s", "90");
        saved.Save(flash);

        Settings loaded = SettingsTests.New(out _);
        loaded.Register(SettingDefinition.Integer("test.period_s", 5, 600, 30, "t"));

        Assert.AreEqual(SettingsLoadResult.Loaded, loaded.Load(flash));
        Assert.AreEqual(90L, loaded.GetNumber(extra));
    }

    [TestMethod]
    public void Save_reports_false_when_flash_refuses_the_write()
    {
        var flash = new SimFlashStore { FailWrites = true };

        Assert.IsFalse(Configured(out _).Save(flash));
        Assert.IsNull(flash.Read("config"));
    }

    [TestMethod]
    public void Save_of_defaults_then_Load_is_Loaded_with_defaults()
    {
        var flash = new SimFlashStore();
        SettingsTests.New(out _).Save(flash);
        Settings s = SettingsTests.New(out CoreSettings core);

        Assert.AreEqual(SettingsLoadResult.Loaded, s.Load(flash));
        AssertAllDefaults(s, core);
    }

    [TestMethod]
    public void SettingsLoadResult_has_text_for_every_outcome()
    {
        Assert.AreEqual("ok", SettingsLoadResult.ToText(SettingsLoadResult.Loaded));
        Assert.AreEqual("defaults", SettingsLoadResult.ToText(SettingsLoadResult.Missing));
        Assert.AreEqual("corrupt_defaults", SettingsLoadResult.ToText(SettingsLoadResult.Corrupt));
        Assert.AreEqual("repaired", SettingsLoadResult.ToText(SettingsLoadResult.Repaired));
    }

    private static Settings Configured(out CoreSettings core)
    {
        Settings s = SettingsTests.New(out core);
        Assert.IsNull(s.Set("node.id", "sn-0042"));
        Assert.IsNull(s.Set("wifi.ssid", "暴雨红色预警 🚨 \"net\""));
        Assert.IsNull(s.Set("mqtt.pass", "secret-pass-1"));
        Assert.IsNull(s.Set("mqtt.port", "8883"));
        Assert.IsNull(s.Set("mqtt.tls", "on"));
        Assert.IsNull(s.Set("hb.period_s", "120"));
        Assert.IsNull(s.Set("auth.key", SettingsTests.KeyBase64));
        return s;
    }

    private static void AssertAllDefaults(Settings s, CoreSettings core)
    {
        for (int i = 0; i < s.Count; i++)
        {
            SettingDefinition d = s.Definition(i);
            Assert.AreEqual(d.DefaultNumber, s.GetNumber(i), d.Name);
            Assert.AreEqual(d.DefaultText, s.GetText(i), d.Name);
            Assert.IsNull(s.GetKey(i), d.Name);
        }

        Assert.AreEqual(1883L, s.GetNumber(core.MqttPort));
        Assert.IsNull(s.GetText(core.NodeId));
    }

    // A record as Save writes it: the JSON bytes, then their CRC-32 little-endian.
    private static byte[] Record(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        uint crc = Crc32.Compute(body, 0, body.Length);
        var record = new byte[body.Length + 4];
        body.CopyTo(record, 0);
        record[body.Length] = (byte)crc;
        record[body.Length + 1] = (byte)(crc >> 8);
        record[body.Length + 2] = (byte)(crc >> 16);
        record[body.Length + 3] = (byte)(crc >> 24);
        return record;
    }
}
