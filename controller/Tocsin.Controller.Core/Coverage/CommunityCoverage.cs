namespace Tocsin.Controller.Coverage;

/// <summary>One targeted community's figures.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="StreetId">Its street.</param>
/// <param name="Figures">Its figures.</param>
public sealed record CommunityCoverage(string CommunityId, string StreetId, CoverageFigures Figures);
