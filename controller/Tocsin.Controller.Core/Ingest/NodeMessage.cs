namespace Tocsin.Controller.Ingest;

/// <summary>Something a node published, parsed. <see cref="NodeId"/> comes from the topic, which the broker's ACL vouches for.</summary>
/// <param name="NodeId">The publishing node.</param>
public abstract record NodeMessage(string NodeId);
