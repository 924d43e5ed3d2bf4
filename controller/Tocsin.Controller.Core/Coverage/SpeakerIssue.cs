using Tocsin.Controller.FanOut;

namespace Tocsin.Controller.Coverage;

/// <summary>A targeted speaker that did not play by the deadline.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="CommunityId">Its community.</param>
/// <param name="CoveredPopulation">Residents it should have reached.</param>
/// <param name="State">Its latest state by the deadline (Pending when silent).</param>
/// <param name="Reason">The node's reason, if any ("no_load_current", "no_trusted_time", ...).</param>
public sealed record SpeakerIssue(string NodeId, string CommunityId, int CoveredPopulation, DeliveryState State, string? Reason);
