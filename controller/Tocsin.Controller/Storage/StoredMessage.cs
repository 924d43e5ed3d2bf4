using System.Text;

namespace Tocsin.Controller.Storage;

/// <summary>
/// One node outbox message as stored (the raw JSON kept whole for later queries). Ingest hands over
/// the payload as the UTF-8 bytes it arrived in, which SQLite stores as they are: at 10,000 nodes a
/// message arrives every few milliseconds, and turning each into a .NET string (two bytes a
/// character) only for SQLite to turn it back into UTF-8 was a tenth of the controller's garbage.
/// Read back from the database, it carries the text.
/// </summary>
public sealed class StoredMessage : IEquatable<StoredMessage>
{
    private string? _payload;
    private readonly ReadOnlyMemory<byte> _payloadUtf8;

    /// <summary>A message whose payload is text (read back from the database).</summary>
    public StoredMessage(string node, long epoch, long seq, string stream, string? type, long? measuredUtcMs, long receivedUtcMs, string payload)
        : this(node, epoch, seq, stream, type, measuredUtcMs, receivedUtcMs)
    {
        ArgumentNullException.ThrowIfNull(payload);
        _payload = payload;
    }

    /// <summary>A message whose payload is the UTF-8 bytes it arrived in (which must not change afterwards).</summary>
    public StoredMessage(string node, long epoch, long seq, string stream, string? type, long? measuredUtcMs, long receivedUtcMs, ReadOnlyMemory<byte> payloadUtf8)
        : this(node, epoch, seq, stream, type, measuredUtcMs, receivedUtcMs)
    {
        _payloadUtf8 = payloadUtf8;
    }

    private StoredMessage(string node, long epoch, long seq, string stream, string? type, long? measuredUtcMs, long receivedUtcMs)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(stream);
        (Node, Epoch, Seq, Stream, Type, MeasuredUtcMs, ReceivedUtcMs) = (node, epoch, seq, stream, type, measuredUtcMs, receivedUtcMs);
    }

    /// <summary>The node that sent it.</summary>
    public string Node { get; }

    /// <summary>Its outbox epoch.</summary>
    public long Epoch { get; }

    /// <summary>Its sequence number in the epoch.</summary>
    public long Seq { get; }

    /// <summary>The topic it came on: report, event or result.</summary>
    public string Stream { get; }

    /// <summary>Its type (a report's "reading", an event's type, a result's state), or null.</summary>
    public string? Type { get; }

    /// <summary>When the node measured or sent it by its own clock, Unix ms, if it knew the time.</summary>
    public long? MeasuredUtcMs { get; }

    /// <summary>When the controller received it, Unix ms.</summary>
    public long ReceivedUtcMs { get; }

    /// <summary>The payload as text (decoded once, when first asked for).</summary>
    public string Payload => _payload ??= Encoding.UTF8.GetString(_payloadUtf8.Span);

    /// <summary>Same message, same payload text (however each holds it).</summary>
    public bool Equals(StoredMessage? other) =>
        other != null && Node == other.Node && Epoch == other.Epoch && Seq == other.Seq && Stream == other.Stream
        && Type == other.Type && MeasuredUtcMs == other.MeasuredUtcMs && ReceivedUtcMs == other.ReceivedUtcMs && Payload == other.Payload;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StoredMessage);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Node, Epoch, Seq);

    /// <inheritdoc />
    public override string ToString() => Node + " " + Stream + " " + Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Payload;

    /// <summary>The payload as UTF-8 bytes (for the writers; not part of what the API serves).</summary>
    internal ReadOnlyMemory<byte> PayloadUtf8 => _payloadUtf8.IsEmpty && _payload != null ? Encoding.UTF8.GetBytes(_payload) : _payloadUtf8;
}
