namespace Tocsin.Simulator.Deterministic;

/// <summary>Kinds of <see cref="NetworkEvent"/>.</summary>
internal enum NetworkEventKind
{
    /// <summary>A node's publish reaches the broker and the controller.</summary>
    ToController,

    /// <summary>A message reaches a node.</summary>
    ToNode,

    /// <summary>The broker answers a connection attempt.</summary>
    ConnectAnswer,

    /// <summary>The broker's keep-alive timer notices a connection that died silently.</summary>
    BrokerNoticesLoss,
}
