namespace Tocsin.Simulator.Scenarios;

/// <summary>The nodes a scenario builds from the region file.</summary>
public sealed record NodePlan
{
    /// <summary>Communities to equip, or null for every community in the region file.</summary>
    public IReadOnlyList<string>? Communities { get; init; }

    /// <summary>Water-depth and rain sensor nodes per community (at its low points).</summary>
    public int SensorsPerCommunity { get; init; } = 1;

    /// <summary>Loudspeaker nodes per community; together they cover its population.</summary>
    public int SpeakersPerCommunity { get; init; } = 2;

    /// <summary>Share of each community's residents the speakers cover together (0-1).</summary>
    public double CoveredShare { get; init; } = 0.95;

    /// <summary>Console settings applied to every node after provisioning (name to value).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings for sensor nodes only.</summary>
    public IReadOnlyDictionary<string, string> SensorSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings for loudspeaker nodes only.</summary>
    public IReadOnlyDictionary<string, string> SpeakerSettings { get; init; } = new Dictionary<string, string>();
}
