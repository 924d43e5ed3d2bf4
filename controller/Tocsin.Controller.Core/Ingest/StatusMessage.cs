namespace Tocsin.Controller.Ingest;

/// <summary>The retained status (also the last will): online with details, or offline.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Online">"state": true for "online", false for "offline".</param>
/// <param name="Kind">"kind": "sensor" or "broadcast", if given.</param>
/// <param name="Firmware">"fw", if given.</param>
/// <param name="BootReason">"boot" (power_on, watchdog, ...), if given.</param>
/// <param name="ConfigState">"cfg" (ok, defaults, corrupt_defaults, repaired), if given.</param>
/// <param name="Epoch">"ep", the outbox epoch, if given.</param>
/// <param name="CommunityId">"community" the node believes it is in, if given.</param>
public sealed record StatusMessage(
    string NodeId,
    bool Online,
    string? Kind,
    string? Firmware,
    string? BootReason,
    string? ConfigState,
    long? Epoch,
    string? CommunityId) : NodeMessage(NodeId);
