using System.Diagnostics.CodeAnalysis;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Rules;

/// <summary>Either a complete <see cref="WarningRuleSet"/> or every problem found, each with its JSON path.</summary>
public sealed class RuleSetLoadResult
{
    private RuleSetLoadResult(WarningRuleSet? rules, IReadOnlyList<ValidationError> errors)
    {
        Rules = rules;
        Errors = errors;
    }

    /// <summary>The rules; null when there were errors.</summary>
    public WarningRuleSet? Rules { get; }

    /// <summary>Every problem; empty on success.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when <see cref="Rules"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Rules))]
    public bool Succeeded => Rules != null;

    internal static RuleSetLoadResult Success(WarningRuleSet rules) => new(rules, []);

    internal static RuleSetLoadResult Failure(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
