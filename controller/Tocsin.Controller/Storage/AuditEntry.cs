namespace Tocsin.Controller.Storage;

/// <summary>One audit record.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset AtUtc, string Actor, string Action, string Subject, string Detail);
