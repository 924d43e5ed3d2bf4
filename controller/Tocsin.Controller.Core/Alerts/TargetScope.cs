namespace Tocsin.Controller.Alerts;

/// <summary>How an alert names its area ("warning to the street, plan to the community").</summary>
public enum TargetScope
{
    /// <summary>The whole district.</summary>
    District,

    /// <summary>Whole streets, by id.</summary>
    Streets,

    /// <summary>Individual communities, by id.</summary>
    Communities,
}
