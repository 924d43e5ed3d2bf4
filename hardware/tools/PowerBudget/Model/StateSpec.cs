using Tocsin.Hardware.PowerBudget.Input;

namespace Tocsin.Hardware.PowerBudget.Model;

/// <summary>
/// An operating state: how long per day the node spends in it and what each part does there
/// (<see cref="Default"/> for parts not listed in <see cref="Parts"/>). Exactly one state takes
/// the rest of the day.
/// </summary>
public sealed record StateSpec(
    string Name,
    double HoursPerDay,
    bool RestOfDay,
    string DurationText,
    PartMode Default,
    IReadOnlyDictionary<string, PartMode> Parts,
    string Note,
    SourcePosition Position);
