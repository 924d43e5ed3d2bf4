namespace Tocsin.Controller.Storage;

/// <summary>A node's current state as stored.</summary>
public sealed record NodeStateRow(string Node, bool Online, long? LastSeenUtcMs, string? StatusJson, string? HeartbeatJson, string? LastReportJson, long LostMessages, long DuplicateMessages);
