namespace Tocsin.Simulator.Deterministic;

/// <summary>What the simulated network did with every message, for the run report.</summary>
public sealed class NetworkTally
{
    /// <summary>Messages nodes published (accepted by their link).</summary>
    public long FromNodes { get; set; }

    /// <summary>Messages the controller sent to nodes (per node).</summary>
    public long ToNodes { get; set; }

    /// <summary>Messages delivered to their receiver.</summary>
    public long Delivered { get; set; }

    /// <summary>Messages lost to injected loss.</summary>
    public long Lost { get; set; }

    /// <summary>Messages dropped because the receiver was not connected (cut, powered off, broker down).</summary>
    public long Undeliverable { get; set; }

    /// <summary>Publishes refused by the broker's topic rules.</summary>
    public long RefusedByAcl { get; set; }

    /// <summary>Connection attempts refused (bad credentials, revoked, broker down, network cut).</summary>
    public long ConnectsRefused { get; set; }

    /// <summary>Connections made.</summary>
    public long Connects { get; set; }

    /// <summary>Last wills the broker published for connections that died.</summary>
    public long Wills { get; set; }
}
