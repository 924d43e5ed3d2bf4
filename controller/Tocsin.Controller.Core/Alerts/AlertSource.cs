namespace Tocsin.Controller.Alerts;

/// <summary>Where an alert came from.</summary>
public enum AlertSource
{
    /// <summary>Written by an operator.</summary>
    Operator,

    /// <summary>Proposed by the warning rules from sensor evidence.</summary>
    Rule,

    /// <summary>Imported from a CAP message of a higher-level warning system.</summary>
    Cap,
}
