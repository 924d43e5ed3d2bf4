namespace Tocsin.Controller.Ingest;

/// <summary>Event "type" words the controller acts on.</summary>
public static class EventTypes
{
    /// <summary>A site's local depth level changed.</summary>
    public const string DepthLevel = "depth_level";

    /// <summary>The rainstorm signal a gauge supports changed.</summary>
    public const string RainSignal = "rain_signal";

    /// <summary>A fault appeared or cleared.</summary>
    public const string Fault = "fault";

    /// <summary>Counts of refused commands (at most one a minute).</summary>
    public const string Security = "security";
}
