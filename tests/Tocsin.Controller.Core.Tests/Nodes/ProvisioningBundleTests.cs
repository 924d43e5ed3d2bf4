using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Tocsin.Controller.Nodes;
using Xunit;

namespace Tocsin.Controller.Tests.Nodes;

public sealed class ProvisioningBundleTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();

    private static ProvisioningSettings Settings() => new(
        "bn-kaiyuan-01-a", "kaiyuan-01", "tocsin-net", "wifi pass", "broker.local", 1883, false, "bn-kaiyuan-01-a", "Abcdefghijklmnopqrstuvwx", Key);

    private static (string Json, uint Crc, string CrcText) Split(string bundle)
    {
        Assert.StartsWith("TCS1:", bundle, StringComparison.Ordinal);
        int colon = bundle.LastIndexOf(':');
        byte[] json = Convert.FromBase64String(bundle[5..colon]);
        return (Encoding.ASCII.GetString(json), Crc32.HashToUInt32(json), bundle[(colon + 1)..]);
    }

    [Fact]
    public void A_bundle_round_trips_base64_json_and_its_crc()
    {
        ProvisioningBundleResult r = ProvisioningBundle.Create(Settings());
        Assert.True(r.Succeeded, string.Join("\n", r.Errors));
        (string json, uint crc, string crcText) = Split(r.Bundle);
        Assert.Equal(crc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), crcText);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("v").GetInt32());
        Assert.Equal("bn-kaiyuan-01-a", root.GetProperty("node.id").GetString());
        Assert.Equal("kaiyuan-01", root.GetProperty("node.community").GetString());
        Assert.Equal("tocsin-net", root.GetProperty("wifi.ssid").GetString());
        Assert.Equal("wifi pass", root.GetProperty("wifi.pass").GetString());
        Assert.Equal("broker.local", root.GetProperty("mqtt.host").GetString());
        Assert.Equal(1883, root.GetProperty("mqtt.port").GetInt32());
        Assert.False(root.GetProperty("mqtt.tls").GetBoolean());
        Assert.Equal("bn-kaiyuan-01-a", root.GetProperty("mqtt.user").GetString());
        Assert.Equal("Abcdefghijklmnopqrstuvwx", root.GetProperty("mqtt.pass").GetString());
        Assert.Equal(Key, Convert.FromBase64String(root.GetProperty("auth.key").GetString()!));
    }

    [Fact]
    public void The_json_is_compact_in_the_firmware_order_with_v_first()
    {
        string json = Encoding.ASCII.GetString(ProvisioningBundle.SerializeJson(Settings()));
        Assert.StartsWith("{\"v\":1,\"node.id\":\"bn-kaiyuan-01-a\",\"node.community\":\"kaiyuan-01\",\"wifi.ssid\":", json, StringComparison.Ordinal);
        Assert.Contains("\"mqtt.port\":1883,\"mqtt.tls\":false,\"mqtt.user\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain(" :", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_and_quotes_are_escaped_so_the_json_is_pure_ascii()
    {
        ProvisioningSettings s = Settings() with { WifiSsid = "鲤城\"网\\", WifiPassword = "pä😀" };
        byte[] json = ProvisioningBundle.SerializeJson(s);
        Assert.All(json, b => Assert.InRange(b, (byte)0x20, (byte)0x7e));
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal("鲤城\"网\\", doc.RootElement.GetProperty("wifi.ssid").GetString());
        Assert.Equal("pä😀", doc.RootElement.GetProperty("wifi.pass").GetString());
    }

    [Fact]
    public void A_bundle_with_every_value_at_its_longest_fits_the_console_line()
    {
        ProvisioningSettings s = new(
            "bn-" + new string('a', 28), new string('c', 48), new string('S', 32), new string('p', 64), new string('h', 64),
            65535, true, "bn-" + new string('a', 28), new string('P', 24), Key);
        ProvisioningBundleResult r = ProvisioningBundle.Create(s);
        Assert.True(r.Succeeded, string.Join("\n", r.Errors));
        Assert.True(("provision " + r.Bundle).Length <= 1024, "line of " + ("provision " + r.Bundle).Length);
    }

    [Fact]
    public void A_bundle_too_long_for_the_console_is_refused_with_a_reason()
    {
        ProvisioningSettings s = Settings() with { WifiSsid = new string('网', 32), WifiPassword = new string('密', 64) };
        ProvisioningBundleResult r = ProvisioningBundle.Create(s);
        Assert.False(r.Succeeded);
        Assert.Contains(r.Errors, e => e.Path == "bundle" && e.Message.Contains("console", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_the_node_would_refuse_are_reported_under_their_setting_names()
    {
        ProvisioningSettings s = Settings() with { CommunityId = "bad id", WifiSsid = "", MqttHost = "broker_local", MqttPort = 0, MqttPassword = "short", CommandKey = new byte[16] };
        ProvisioningBundleResult r = ProvisioningBundle.Create(s);
        Assert.False(r.Succeeded);
        Assert.Equal(["node.community", "wifi.ssid", "mqtt.host", "mqtt.port", "mqtt.pass", "auth.key"], r.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Decoding_reads_the_settings_back_as_the_node_would()
    {
        ProvisioningBundleResult r = ProvisioningBundle.Create(Settings() with { MqttTls = true, MqttPort = 8883 });
        BundleContents c = ProvisioningBundle.Decode(r.Bundle);
        Assert.True(c.Succeeded, c.Error);
        Assert.Equal("8883", c.Settings["mqtt.port"]);
        Assert.Equal("true", c.Settings["mqtt.tls"]);
        Assert.Equal(10, c.Settings.Count);
    }

    [Fact]
    public void A_mistyped_bundle_fails_its_checksum()
    {
        string bundle = ProvisioningBundle.Create(Settings()).Bundle!;
        int colon = bundle.LastIndexOf(':');
        string tampered = bundle[..colon] + ":" + (bundle[^1] == '0' ? bundle[(colon + 1)..^1] + "1" : bundle[(colon + 1)..^1] + "0");
        Assert.Contains("checksum", ProvisioningBundle.Decode(tampered).Error!, StringComparison.Ordinal);
        Assert.False(ProvisioningBundle.Decode("TCS2:abc:00000000").Succeeded);
    }

    [Fact]
    public void The_crc_is_zlib_crc32()
    {
        // zlib.crc32(b"123456789") == 0xcbf43926, the standard check value.
        Assert.Equal(0xcbf43926u, Crc32.HashToUInt32("123456789"u8));
    }

    [Fact]
    public void Settings_for_a_node_use_its_id_as_broker_user()
    {
        NodeRecord node = new("sn-7", NodeKind.Sensor, "c1", null, string.Empty, 0, false, DateTimeOffset.UnixEpoch);
        NodeSecrets secrets = NodeSecrets.Generate();
        ProvisioningSettings s = ProvisioningSettings.For(node, secrets, new NetworkSettings("net", "pw", "10.0.0.2"));
        Assert.Equal("sn-7", s.MqttUser);
        Assert.Equal(1883, s.MqttPort);
        Assert.DoesNotContain(secrets.MqttPassword, s.ToString(), StringComparison.Ordinal);
    }
}
