using System.Diagnostics.CodeAnalysis;

namespace Tocsin.Controller.Ingest;

/// <summary>Either a parsed <see cref="NodeMessage"/> or a clear reason it was refused.</summary>
public sealed class MessageParseResult
{
    private MessageParseResult(NodeMessage? message, string? error)
    {
        Message = message;
        Error = error;
    }

    /// <summary>The message; null when refused.</summary>
    public NodeMessage? Message { get; }

    /// <summary>Why it was refused ("result: \"cseq\" must be a positive integer"); null on success.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Message"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Message != null;

    internal static MessageParseResult Success(NodeMessage message) => new(message, null);

    internal static MessageParseResult Failure(string error) => new(null, error);
}
