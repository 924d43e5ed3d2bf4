namespace Tocsin.Controller.Nodes;

/// <summary>What every node of a site shares: the Wi-Fi it joins and the broker it reaches.</summary>
/// <param name="WifiSsid">Wi-Fi network name (1-32 characters).</param>
/// <param name="WifiPassword">Wi-Fi password (0-64 characters).</param>
/// <param name="MqttHost">Broker host name or address.</param>
/// <param name="MqttPort">Broker port.</param>
/// <param name="MqttTls">Use TLS to the broker.</param>
public sealed record NetworkSettings(string WifiSsid, string WifiPassword, string MqttHost, int MqttPort = 1883, bool MqttTls = false)
{
    /// <summary>Never prints the Wi-Fi password.</summary>
    public override string ToString() => "NetworkSettings { WifiSsid = " + WifiSsid + ", MqttHost = " + MqttHost + ", MqttPort = "
        + MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", MqttTls = " + (MqttTls ? "true" : "false") + " }";
}
