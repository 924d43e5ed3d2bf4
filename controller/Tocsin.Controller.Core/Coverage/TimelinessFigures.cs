namespace Tocsin.Controller.Coverage;

/// <summary>How many reports arrived on time.</summary>
/// <param name="Total">Reports considered.</param>
/// <param name="OnTime">Received within the allowed delay of their measurement time.</param>
/// <param name="Late">Received later than that.</param>
/// <param name="Untimed">Without a measurement time (node without synchronized time): cannot be shown on time.</param>
public sealed record TimelinessFigures(int Total, int OnTime, int Late, int Untimed)
{
    /// <summary>
    /// On-time reports over all reports — untimed ones count against it, since the plan asks for
    /// reports proven on time; 1 when there were no reports.
    /// </summary>
    public double Ratio => Total == 0 ? 1 : (double)OnTime / Total;
}
