namespace Tocsin.Simulator.Scenarios;

/// <summary>Kinds of <see cref="ScenarioAction"/>.</summary>
public enum ScenarioActionKind
{
    /// <summary>Create an alert (a draft).</summary>
    Create,

    /// <summary>Send for approval.</summary>
    Submit,

    /// <summary>Approve.</summary>
    Approve,

    /// <summary>Send to the speakers.</summary>
    Dispatch,

    /// <summary>Cancel everywhere.</summary>
    Cancel,

    /// <summary>End with the all-clear.</summary>
    AllClear,

    /// <summary>Type a line on a node's serial console.</summary>
    Console,
}
