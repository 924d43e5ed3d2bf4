using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Rules;

/// <summary>One reading of a sensor's level, as the rules take it: from a level event or a periodic report.</summary>
/// <param name="SensorId">The sensor node (one node is one site).</param>
/// <param name="CommunityId">The sensor's community (from its node record).</param>
/// <param name="Kind">Depth level or rain signal.</param>
/// <param name="Level">The level read.</param>
/// <param name="ObservedAt">When it was measured ("t"), or received when the node had no time.</param>
public sealed record SensorEvidence(string SensorId, string CommunityId, EvidenceKind Kind, SensorLevel Level, DateTimeOffset ObservedAt)
{
    /// <summary>The evidence in a depth_level or rain_signal event; null for other events.</summary>
    public static SensorEvidence? FromEvent(EventMessage message, string communityId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.IsLevelEvent)
        {
            return null;
        }

        EvidenceKind kind = message.Type == EventTypes.RainSignal ? EvidenceKind.RainSignal : EvidenceKind.DepthLevel;
        return new SensorEvidence(message.NodeId, communityId, kind, message.Level!.Value, At(message.Header, receivedAt));
    }

    /// <summary>The evidence in a periodic report: its depth level and/or rain signal.</summary>
    public static IReadOnlyList<SensorEvidence> FromReport(ReportMessage message, string communityId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var list = new List<SensorEvidence>(2);
        DateTimeOffset at = At(message.Header, receivedAt);
        if (message.DepthLevel is SensorLevel depth)
        {
            list.Add(new SensorEvidence(message.NodeId, communityId, EvidenceKind.DepthLevel, depth, at));
        }

        if (message.RainSignal is SensorLevel rain)
        {
            list.Add(new SensorEvidence(message.NodeId, communityId, EvidenceKind.RainSignal, rain, at));
        }

        return list;
    }

    private static DateTimeOffset At(OutboxHeader h, DateTimeOffset receivedAt) =>
        h.UtcMs is long t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : receivedAt;
}
