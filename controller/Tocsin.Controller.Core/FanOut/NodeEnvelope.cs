namespace Tocsin.Controller.FanOut;

/// <summary>A command for one node on its own command topic (a resend, or delivery on reconnect).</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Topic">"tocsin/v1/node/{node}/cmd" (QoS 1, never retained).</param>
/// <param name="Payload">An envelope with the node's MAC only, over the same command bytes.</param>
public sealed record NodeEnvelope(string NodeId, string Topic, byte[] Payload);
