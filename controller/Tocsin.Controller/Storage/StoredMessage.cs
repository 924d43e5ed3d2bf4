namespace Tocsin.Controller.Storage;

/// <summary>One node outbox message as stored (the raw JSON kept whole for later queries).</summary>
public sealed record StoredMessage(string Node, long Epoch, long Seq, string Stream, string? Type, long? MeasuredUtcMs, long ReceivedUtcMs, string Payload);
