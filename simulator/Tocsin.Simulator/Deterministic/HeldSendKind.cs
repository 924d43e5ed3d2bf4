namespace Tocsin.Simulator.Deterministic;

/// <summary>How a held controller send is addressed.</summary>
internal enum HeldSendKind
{
    /// <summary>To every subscriber of a topic.</summary>
    Topic,

    /// <summary>To named members of an area, each into its own session.</summary>
    Members,

    /// <summary>To one node.</summary>
    Node,
}
