namespace Tocsin.Controller.Alerts;

/// <summary>
/// Live or drill, fixed when an alert is created and never changed: the command mode sent to nodes
/// is derived from it alone (<see cref="AlertKinds.CommandMode"/>), so no path turns a drill into live
/// traffic (the Hawaii 2018 lesson).
/// </summary>
public enum AlertKind
{
    /// <summary>A real warning.</summary>
    Live,

    /// <summary>An exercise: nodes open with their "this is a drill" clip and it cannot touch live broadcasts.</summary>
    Drill,
}
