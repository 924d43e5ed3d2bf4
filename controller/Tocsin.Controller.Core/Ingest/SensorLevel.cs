namespace Tocsin.Controller.Ingest;

/// <summary>
/// The four-colour ladder sensor nodes report for depth levels and rainstorm signals ("none", "blue",
/// "yellow", "orange", "red"), ordered so a higher value is more severe.
/// </summary>
public enum SensorLevel
{
    /// <summary>Nothing raised.</summary>
    None = 0,

    /// <summary>Blue (IV).</summary>
    Blue = 1,

    /// <summary>Yellow (III).</summary>
    Yellow = 2,

    /// <summary>Orange (II).</summary>
    Orange = 3,

    /// <summary>Red (I).</summary>
    Red = 4,
}
