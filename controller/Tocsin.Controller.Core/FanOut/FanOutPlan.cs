namespace Tocsin.Controller.FanOut;

/// <summary>One command for an alert, signed for every active speaker of its communities, grouped by community.</summary>
/// <param name="Command">The command and its exact bytes.</param>
/// <param name="Communities">Per community with at least one speaker: topic and envelopes.</param>
/// <param name="CommunitiesWithoutSpeakers">Targeted communities with no active broadcast node: nobody there hears it.</param>
public sealed record FanOutPlan(FanOutCommand Command, IReadOnlyList<CommunityEnvelopes> Communities, IReadOnlyList<string> CommunitiesWithoutSpeakers)
{
    /// <summary>Every addressed node with its community.</summary>
    public IEnumerable<(string NodeId, string CommunityId)> Addressed =>
        Communities.SelectMany(c => c.NodeIds.Select(n => (n, c.CommunityId)));
}
