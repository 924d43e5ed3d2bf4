namespace Tocsin.Controller.Coverage;

/// <summary>Who an alert reached by its deadline, per community, street and district, and which speakers did not play.</summary>
/// <param name="AlertId">The alert.</param>
/// <param name="Deadline">Results received after it do not count.</param>
/// <param name="District">Totals over every targeted community.</param>
/// <param name="Streets">Per street with targeted communities, in region-map order.</param>
/// <param name="Communities">Per targeted community, in region-map order.</param>
/// <param name="Silent">Speakers that reported nothing by the deadline.</param>
/// <param name="Failed">Speakers that reported, but never played or succeeded (failed, rejected, expired, still waiting, ...).</param>
public sealed record AlertCoverage(
    string AlertId,
    DateTimeOffset Deadline,
    CoverageFigures District,
    IReadOnlyList<StreetCoverage> Streets,
    IReadOnlyList<CommunityCoverage> Communities,
    IReadOnlyList<SpeakerIssue> Silent,
    IReadOnlyList<SpeakerIssue> Failed);
