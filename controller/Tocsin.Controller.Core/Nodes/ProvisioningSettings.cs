namespace Tocsin.Controller.Nodes;

/// <summary>Everything a provisioning bundle carries, named after the firmware settings.</summary>
/// <param name="NodeId"><c>node.id</c>.</param>
/// <param name="CommunityId"><c>node.community</c>.</param>
/// <param name="WifiSsid"><c>wifi.ssid</c>.</param>
/// <param name="WifiPassword"><c>wifi.pass</c>.</param>
/// <param name="MqttHost"><c>mqtt.host</c>.</param>
/// <param name="MqttPort"><c>mqtt.port</c>.</param>
/// <param name="MqttTls"><c>mqtt.tls</c>.</param>
/// <param name="MqttUser"><c>mqtt.user</c> (the node id).</param>
/// <param name="MqttPassword"><c>mqtt.pass</c>.</param>
/// <param name="CommandKey"><c>auth.key</c>, 32 bytes.</param>
public sealed record ProvisioningSettings(
    string NodeId,
    string CommunityId,
    string WifiSsid,
    string WifiPassword,
    string MqttHost,
    int MqttPort,
    bool MqttTls,
    string MqttUser,
    string MqttPassword,
    byte[] CommandKey)
{
    /// <summary>The settings for <paramref name="node"/> with its <paramref name="secrets"/> on <paramref name="network"/>.</summary>
    public static ProvisioningSettings For(NodeRecord node, NodeSecrets secrets, NetworkSettings network)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(network);
        return new ProvisioningSettings(
            node.Id, node.CommunityId, network.WifiSsid, network.WifiPassword, network.MqttHost, network.MqttPort,
            network.MqttTls, node.Id, secrets.MqttPassword, secrets.CommandKey);
    }

    /// <summary>Never prints the secrets.</summary>
    public override string ToString() => "ProvisioningSettings { NodeId = " + NodeId + ", CommunityId = " + CommunityId + ", (secrets hidden) }";
}
