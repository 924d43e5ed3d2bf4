namespace Tocsin.Controller.Coverage;

/// <summary>Population figures for one area (community, street or district) of one alert.</summary>
/// <param name="Residents">Residents of the targeted communities in the area.</param>
/// <param name="TargetedPopulation">Σ covered population of the targeted speakers in the area.</param>
/// <param name="ReachedPopulation">Σ covered population of the speakers that played or succeeded by the deadline.</param>
/// <param name="Speakers">Targeted speakers.</param>
/// <param name="SpeakersReached">Of them, those that played or succeeded.</param>
public sealed record CoverageFigures(long Residents, long TargetedPopulation, long ReachedPopulation, int Speakers, int SpeakersReached)
{
    /// <summary>No area, nothing targeted.</summary>
    public static CoverageFigures Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Reached over targeted population (how well the speakers did); 0 when nothing was targeted.</summary>
    public double Ratio => TargetedPopulation == 0 ? 0 : (double)ReachedPopulation / TargetedPopulation;

    /// <summary>Reached population over residents (how many people heard it); 0 for no residents.</summary>
    public double ResidentRatio => Residents == 0 ? 0 : (double)ReachedPopulation / Residents;

    /// <summary>The sum of two areas' figures.</summary>
    public CoverageFigures Add(CoverageFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Residents + other.Residents, TargetedPopulation + other.TargetedPopulation, ReachedPopulation + other.ReachedPopulation,
            Speakers + other.Speakers, SpeakersReached + other.SpeakersReached);
    }
}
