namespace Tocsin.Controller.Security;

/// <summary>A node's id and its 32-byte command key, as the controller holds them.</summary>
public sealed record NodeKey(string NodeId, byte[] Key);
