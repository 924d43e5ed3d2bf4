namespace Tocsin.Controller.Ingest;

/// <summary>A periodic reading ("report" topic).</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Header">Delivery fields.</param>
/// <param name="Type">"type" (e.g. "reading"), if given.</param>
/// <param name="Measurements">Numeric and boolean fields flattened with dots ("rain.1h", "depth.mm", "batt_mv"), header fields excluded (read from the payload when first asked for).</param>
/// <param name="DepthLevel">"depth"."level": the site's depth level at this reading, if it has a depth sensor.</param>
/// <param name="RainSignal">"rain"."signal": the rainstorm signal the gauge supports at this reading, if it has a gauge.</param>
/// <param name="BatteryMv">"batt_mv", when the node measures a battery and says it as a number.</param>
public sealed record ReportMessage(
    string NodeId,
    OutboxHeader Header,
    string? Type,
    IReadOnlyDictionary<string, double> Measurements,
    SensorLevel? DepthLevel = null,
    SensorLevel? RainSignal = null,
    int? BatteryMv = null) : OutboxMessage(NodeId, Header);
