namespace Tocsin.Controller.FanOut;

/// <summary>What to publish for one community: each envelope once, on the community's area command topic.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="Topic">"tocsin/v1/area/{community}/cmd" (QoS 1, never retained).</param>
/// <param name="NodeIds">The speakers addressed, in envelope order.</param>
/// <param name="Envelopes">Signed envelopes of at most 100 MACs each.</param>
public sealed record CommunityEnvelopes(string CommunityId, string Topic, IReadOnlyList<string> NodeIds, IReadOnlyList<byte[]> Envelopes);
