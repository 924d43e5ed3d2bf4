namespace Tocsin.Controller.FanOut;

/// <summary>Fan-out settings.</summary>
/// <param name="CancelValidity">
/// How long a cancel stays valid at least (it also lasts as long as the alert would have): a node that
/// was offline still gets it on reconnect, and its remembered id keeps a late broadcast silent.
/// </param>
/// <param name="AllClearValidity">How long an all-clear may wait to be played.</param>
/// <param name="MaxNodesPerEnvelope">MACs per envelope (at most 100 keeps one near 4 KB for nodes without PSRAM).</param>
public sealed record FanOutOptions(TimeSpan CancelValidity, TimeSpan AllClearValidity, int MaxNodesPerEnvelope)
{
    /// <summary>30 min, 30 min, 100.</summary>
    public static FanOutOptions Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), Security.CommandSigner.DefaultMaxNodesPerEnvelope);
}
