namespace Tocsin.Controller.Nodes;

/// <summary>A registered node as the controller stores it. Secrets are kept apart (<see cref="NodeSecrets"/>).</summary>
/// <param name="Id">Node id, also its broker user name: "bn-..." or "sn-...".</param>
/// <param name="Kind">Sensor or broadcast.</param>
/// <param name="CommunityId">The community it belongs to (its area command topic).</param>
/// <param name="Location">Where it is mounted, if known.</param>
/// <param name="Description">Free text for operators and technicians ("north gate of the market").</param>
/// <param name="CoveredPopulation">Broadcast nodes: residents its speakers reach; 0 for sensors.</param>
/// <param name="Revoked">True once revoked: the broker refuses it and fan-out skips it.</param>
/// <param name="CreatedAt">When it was registered.</param>
public sealed record NodeRecord(
    string Id,
    NodeKind Kind,
    string CommunityId,
    GeoPoint? Location,
    string Description,
    int CoveredPopulation,
    bool Revoked,
    DateTimeOffset CreatedAt)
{
    /// <summary>True for a broadcast node that is not revoked: one fan-out addresses.</summary>
    public bool IsActiveSpeaker => Kind == NodeKind.Broadcast && !Revoked;
}
