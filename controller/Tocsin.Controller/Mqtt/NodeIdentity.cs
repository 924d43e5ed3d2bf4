namespace Tocsin.Controller.Mqtt;

/// <summary>A node the broker has authenticated: what its topic rules are built from.</summary>
/// <param name="NodeId">The node id (also its MQTT client id and user name).</param>
/// <param name="Community">Its community; it may read that community's command topic.</param>
/// <param name="IsBroadcastNode">True for loudspeaker nodes.</param>
/// <param name="HeardSensors">Sensor nodes whose events this node may subscribe to (its local rules).</param>
public sealed record NodeIdentity(string NodeId, string Community, bool IsBroadcastNode, IReadOnlySet<string> HeardSensors);
