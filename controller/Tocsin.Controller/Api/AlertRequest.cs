namespace Tocsin.Controller.Api;

/// <summary>A new alert as operators (and the CLI) send it.</summary>
/// <param name="Kind">"live" or "drill".</param>
/// <param name="Hazard">rainstorm, waterlogging, typhoon, flood, geological, earthquake, fire, other.</param>
/// <param name="Level">I, II, III, IV or info.</param>
/// <param name="Scope">district, streets or communities.</param>
/// <param name="Targets">Street or community ids (empty for the district).</param>
/// <param name="Title">Short title.</param>
/// <param name="Text">Message text.</param>
/// <param name="Clips">Voice clip numbers to play.</param>
/// <param name="Siren">Siren pattern: none, wail, steady, hilo, pulse.</param>
/// <param name="Repeat">How many times the message repeats.</param>
/// <param name="ExpiresInMinutes">Validity from now.</param>
public sealed record AlertRequest(
    string? Kind,
    string? Hazard,
    string? Level,
    string? Scope,
    string[]? Targets,
    string? Title,
    string? Text,
    int[]? Clips,
    string? Siren,
    int? Repeat,
    int? ExpiresInMinutes);
