namespace Tocsin.Controller.Ingest;

/// <summary>A heartbeat (QoS 0). Every field is optional on the wire; node kinds add their own, kept in <see cref="Measurements"/>.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="UtcMs">"t", present while the node has synchronized time.</param>
/// <param name="UptimeS">"up_s".</param>
/// <param name="RssiDbm">"rssi".</param>
/// <param name="FreeMemoryBytes">"mem".</param>
/// <param name="Outbox">"ob".</param>
/// <param name="RejectedCommands">"rej": commands refused since boot.</param>
/// <param name="ConfigState">"cfg".</param>
/// <param name="BatteryMv">"batt_mv", when the node measures a battery.</param>
/// <param name="Faults">"faults": the node's active faults now (empty when none or not reported).</param>
/// <param name="Measurements">Every numeric or boolean field, flattened ("relays.fault", "batt_mv"), for time series (read from the payload when first asked for).</param>
/// <param name="HeartbeatS">"hb_s": the node's own heartbeat period, seconds, when it says it and it is a number.</param>
public sealed record HeartbeatMessage(
    string NodeId,
    long? UtcMs,
    long? UptimeS,
    int? RssiDbm,
    long? FreeMemoryBytes,
    OutboxStatus? Outbox,
    long? RejectedCommands,
    string? ConfigState,
    int? BatteryMv,
    IReadOnlyList<string> Faults,
    IReadOnlyDictionary<string, double> Measurements,
    double? HeartbeatS = null) : NodeMessage(NodeId);
