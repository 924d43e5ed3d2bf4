using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Rules;

/// <summary>One sensor's part in a proposal: its latest two readings.</summary>
/// <param name="SensorId">The sensor.</param>
/// <param name="CommunityId">Its community.</param>
/// <param name="Level">Latest reading.</param>
/// <param name="Previous">The reading before it (None when there was none).</param>
/// <param name="ObservedAt">When the latest was measured.</param>
public sealed record EvidenceItem(string SensorId, string CommunityId, SensorLevel Level, SensorLevel Previous, DateTimeOffset ObservedAt);
