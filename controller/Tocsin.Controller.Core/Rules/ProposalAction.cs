namespace Tocsin.Controller.Rules;

/// <summary>What a proposed warning asks for.</summary>
public enum ProposalAction
{
    /// <summary>A new warning, or a higher level for the current one (at once).</summary>
    Raise,

    /// <summary>A lower level, after the evidence stayed lower for the hold time.</summary>
    Lower,

    /// <summary>End the warning (all-clear), after the evidence stayed at none for the hold time.</summary>
    End,
}
