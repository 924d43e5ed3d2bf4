namespace Tocsin.Controller.Nodes;

/// <summary>A request to register a node (from the API or CLI), validated by <see cref="NodeRegistrar"/>.</summary>
/// <param name="Id">"bn-..." for broadcast nodes, "sn-..." for sensors.</param>
/// <param name="Kind">Sensor or broadcast.</param>
/// <param name="CommunityId">An existing community.</param>
/// <param name="Location">Optional position.</param>
/// <param name="Description">Optional free text.</param>
/// <param name="CoveredPopulation">Broadcast nodes: residents its speakers reach (≥ 1); sensors: 0.</param>
public sealed record NodeRegistration(
    string Id,
    NodeKind Kind,
    string CommunityId,
    GeoPoint? Location = null,
    string? Description = null,
    int CoveredPopulation = 0);
