namespace Tocsin.Firmware.Config;

/// <summary>
/// The settings every node has, registered first so their indexes are fixed. Names, bounds and
/// defaults are documented in docs/mqtt-contract.md (remote ones) and by the console's
/// <c>config list</c>.
/// </summary>
public sealed class CoreSettings
{
    /// <summary>Registers the core settings in <paramref name="settings"/>.</summary>
    public CoreSettings(Settings settings)
    {
        NodeId = settings.Register(SettingDefinition.Text("node.id", 1, 32, TextAlphabet.Identifier, null, "this node's id, as registered at the controller"));
        Community = settings.Register(SettingDefinition.Text("node.community", 1, 48, TextAlphabet.Identifier, null, "community id; community-wide commands arrive on its topic"));
        WifiSsid = settings.Register(SettingDefinition.Text("wifi.ssid", 1, 32, TextAlphabet.Printable, null, "Wi-Fi network name"));
        WifiPassword = settings.Register(SettingDefinition.Text("wifi.pass", 0, 64, TextAlphabet.Printable, null, "Wi-Fi password").AsSecret());
        MqttHost = settings.Register(SettingDefinition.Text("mqtt.host", 1, 64, TextAlphabet.Host, null, "broker host name or address"));
        MqttPort = settings.Register(SettingDefinition.Integer("mqtt.port", 1, 65535, 1883, "broker port"));
        MqttTls = settings.Register(SettingDefinition.Boolean("mqtt.tls", false, "use TLS to the broker"));
        MqttUser = settings.Register(SettingDefinition.Text("mqtt.user", 1, 48, TextAlphabet.Identifier, null, "per-node broker user name"));
        MqttPassword = settings.Register(SettingDefinition.Text("mqtt.pass", 8, 64, TextAlphabet.Printable, null, "per-node broker password").AsSecret());
        KeepAliveS = settings.Register(SettingDefinition.Integer("mqtt.keepalive_s", 10, 600, 60, "MQTT keep-alive in seconds"));
        BackoffBaseMs = settings.Register(SettingDefinition.Integer("mqtt.backoff_base_ms", 100, 60000, 1000, "first reconnect delay ceiling"));
        BackoffCapMs = settings.Register(SettingDefinition.Integer("mqtt.backoff_cap_ms", 1000, 3600000, 300000, "largest reconnect delay ceiling"));
        AuthKey = settings.Register(SettingDefinition.Key("auth.key", "this node's 32-byte command key (base64)"));
        HeartbeatS = settings.Register(SettingDefinition.Integer("hb.period_s", 10, 3600, 60, "heartbeat period in seconds").AsRemote());
        LogLevel = settings.Register(SettingDefinition.Integer("log.level", 0, 3, 1, "0 debug, 1 info, 2 warn, 3 error").AsRemote());
    }

    /// <summary>Index of node.id.</summary>
    public int NodeId { get; }

    /// <summary>Index of node.community.</summary>
    public int Community { get; }

    /// <summary>Index of wifi.ssid.</summary>
    public int WifiSsid { get; }

    /// <summary>Index of wifi.pass.</summary>
    public int WifiPassword { get; }

    /// <summary>Index of mqtt.host.</summary>
    public int MqttHost { get; }

    /// <summary>Index of mqtt.port.</summary>
    public int MqttPort { get; }

    /// <summary>Index of mqtt.tls.</summary>
    public int MqttTls { get; }

    /// <summary>Index of mqtt.user.</summary>
    public int MqttUser { get; }

    /// <summary>Index of mqtt.pass.</summary>
    public int MqttPassword { get; }

    /// <summary>Index of mqtt.keepalive_s.</summary>
    public int KeepAliveS { get; }

    /// <summary>Index of mqtt.backoff_base_ms.</summary>
    public int BackoffBaseMs { get; }

    /// <summary>Index of mqtt.backoff_cap_ms.</summary>
    public int BackoffCapMs { get; }

    /// <summary>Index of auth.key.</summary>
    public int AuthKey { get; }

    /// <summary>Index of hb.period_s.</summary>
    public int HeartbeatS { get; }

    /// <summary>Index of log.level.</summary>
    public int LogLevel { get; }

    /// <summary>True when identity, broker, credentials and key are all set.</summary>
    public bool IsProvisioned(Settings s)
    {
        return s.HasValue(NodeId) && s.HasValue(Community) && s.HasValue(MqttHost)
            && s.HasValue(MqttUser) && s.HasValue(MqttPassword) && s.HasValue(AuthKey);
    }
}
