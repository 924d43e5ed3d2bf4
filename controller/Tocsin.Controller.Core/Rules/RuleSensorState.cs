using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Rules;

/// <summary>What a rule remembers of one sensor (part of <see cref="RuleEngineSnapshot"/>).</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="SensorId">The sensor.</param>
/// <param name="CommunityId">Its community.</param>
/// <param name="Current">Latest reading.</param>
/// <param name="Previous">The reading before (None when there was none).</param>
/// <param name="ObservedAt">When the latest was measured.</param>
public sealed record RuleSensorState(string RuleId, string SensorId, string CommunityId, SensorLevel Current, SensorLevel Previous, DateTimeOffset ObservedAt);
