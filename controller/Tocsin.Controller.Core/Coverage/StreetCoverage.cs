namespace Tocsin.Controller.Coverage;

/// <summary>One street's figures (over its targeted communities).</summary>
/// <param name="StreetId">The street.</param>
/// <param name="Figures">Its figures.</param>
public sealed record StreetCoverage(string StreetId, CoverageFigures Figures);
