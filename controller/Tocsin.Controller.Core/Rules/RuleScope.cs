namespace Tocsin.Controller.Rules;

/// <summary>The area a rule warns, and over which it gathers evidence.</summary>
public enum RuleScope
{
    /// <summary>The sensor's community.</summary>
    Community,

    /// <summary>The sensor's whole street ("warning to the street").</summary>
    Street,
}
