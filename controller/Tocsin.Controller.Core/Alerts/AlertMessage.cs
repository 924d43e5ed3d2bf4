namespace Tocsin.Controller.Alerts;

/// <summary>What an alert says and plays.</summary>
/// <param name="Title">Headline for operators and the record (1-120 characters).</param>
/// <param name="Text">Full text (for the record, CAP export, and later text-to-speech; up to 2,000 characters).</param>
/// <param name="Clips">Voice clip numbers stored on the nodes (1-2999, at most 8), played in order.</param>
/// <param name="Siren">Siren pattern before the clips; with <see cref="SirenPattern.None"/> at least one clip is needed.</param>
/// <param name="Repeat">How many times siren-and-clips plays (1-5; three is the usual practice).</param>
/// <param name="SirenSeconds">Siren length per repetition (1-300 s), or null for the node's default.</param>
/// <param name="Zones">Speaker zones (1-8) to sound, or null/empty for all.</param>
public sealed record AlertMessage(
    string Title,
    string Text,
    IReadOnlyList<int> Clips,
    SirenPattern Siren = SirenPattern.Wail,
    int Repeat = 3,
    int? SirenSeconds = null,
    IReadOnlyList<int>? Zones = null);
