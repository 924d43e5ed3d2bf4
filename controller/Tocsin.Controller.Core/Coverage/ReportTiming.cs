namespace Tocsin.Controller.Coverage;

/// <summary>When a node report was measured and when it arrived.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="MeasuredUtcMs">The report's "t"; null when the node had no synchronized time.</param>
/// <param name="ReceivedAt">When the controller received it.</param>
public sealed record ReportTiming(string NodeId, long? MeasuredUtcMs, DateTimeOffset ReceivedAt);
