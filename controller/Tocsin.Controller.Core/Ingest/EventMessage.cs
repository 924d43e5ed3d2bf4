namespace Tocsin.Controller.Ingest;

/// <summary>An event ("event" topic): level changes, faults, security counts, local actions, tests.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Header">Delivery fields.</param>
/// <param name="Type">"type": depth_level, rain_signal, fault, security, local_action, ...</param>
/// <param name="Level">"level" for depth_level and rain_signal events.</param>
/// <param name="From">"from", the previous level, for level events when given.</param>
/// <param name="Fault">"fault", the fault name, for fault events.</param>
/// <param name="Active">"active" for fault events: raised (true) or cleared (false).</param>
/// <param name="Measurements">Numeric and boolean fields, flattened, header excluded.</param>
public sealed record EventMessage(
    string NodeId,
    OutboxHeader Header,
    string Type,
    SensorLevel? Level,
    SensorLevel? From,
    string? Fault,
    bool? Active,
    IReadOnlyDictionary<string, double> Measurements) : OutboxMessage(NodeId, Header)
{
    /// <summary>True for the two event types that carry warning evidence.</summary>
    public bool IsLevelEvent => Type is EventTypes.DepthLevel or EventTypes.RainSignal && Level != null;
}
