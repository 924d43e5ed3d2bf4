namespace Tocsin.Controller.Storage;

/// <summary>A registered node as stored: identity, place, secrets (key in clear, password only as a hash).</summary>
public sealed record StoredNode(
    string Id,
    string Kind,
    string Community,
    double? Latitude,
    double? Longitude,
    string Description,
    int CoveredPopulation,
    byte[] CommandKey,
    string PasswordHash,
    IReadOnlyList<string> HeardSensors,
    bool Revoked,
    DateTimeOffset CreatedUtc);
