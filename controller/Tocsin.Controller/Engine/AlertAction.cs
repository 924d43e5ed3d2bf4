namespace Tocsin.Controller.Engine;

/// <summary>What an operator asks of an existing alert.</summary>
public enum AlertAction
{
    /// <summary>Send for a second person's approval.</summary>
    Submit,

    /// <summary>Approve (second person).</summary>
    Approve,

    /// <summary>Send to the speakers.</summary>
    Dispatch,

    /// <summary>Stop it everywhere.</summary>
    Cancel,

    /// <summary>End it with the all-clear message.</summary>
    AllClear,
}
