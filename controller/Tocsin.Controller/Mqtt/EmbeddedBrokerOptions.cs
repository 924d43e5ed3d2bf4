using System.Net;

namespace Tocsin.Controller.Mqtt;

/// <summary>Where the in-process broker listens.</summary>
public sealed class EmbeddedBrokerOptions
{
    /// <summary>Address to bind; loopback by default so a development run exposes nothing.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>TCP port (1883 is MQTT's).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Messages queued per client before the broker drops the oldest (MQTTnet's default is 1000);
    /// application acknowledgements and resends cover what is dropped.
    /// </summary>
    public int MaxPendingMessagesPerClient { get; set; } = 1000;
}
