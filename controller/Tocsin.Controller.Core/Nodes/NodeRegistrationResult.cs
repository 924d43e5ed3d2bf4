using System.Diagnostics.CodeAnalysis;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Nodes;

/// <summary>Either the new <see cref="NodeRecord"/> or every reason it was refused.</summary>
public sealed class NodeRegistrationResult
{
    private NodeRegistrationResult(NodeRecord? node, IReadOnlyList<ValidationError> errors)
    {
        Node = node;
        Errors = errors;
    }

    /// <summary>The record to store; null when refused.</summary>
    public NodeRecord? Node { get; }

    /// <summary>Why it was refused (paths are request fields, e.g. <c>$.coveredPopulation</c>).</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when <see cref="Node"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Node))]
    public bool Succeeded => Node != null;

    internal static NodeRegistrationResult Success(NodeRecord node) => new(node, []);

    internal static NodeRegistrationResult Failure(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
