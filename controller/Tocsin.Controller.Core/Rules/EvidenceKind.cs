namespace Tocsin.Controller.Rules;

/// <summary>What a sensor reports that rules can act on.</summary>
public enum EvidenceKind
{
    /// <summary>A site's local water depth level ("depth_level").</summary>
    DepthLevel,

    /// <summary>The rainstorm warning signal a rain gauge supports ("rain_signal").</summary>
    RainSignal,
}
