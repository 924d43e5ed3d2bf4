using System.Buffers;
using System.Text.Json;
using Tocsin.Controller.Mqtt;

namespace Tocsin.Controller.Ingest;

/// <summary>
/// Parses what nodes publish (docs/mqtt-contract.md) into records. Unknown members are ignored, as
/// the contract promises older readers; a known member of the wrong type, a missing required one,
/// or a payload that is not a JSON object is refused with one clear message. Never throws for bad input.
/// </summary>
public static class NodeMessageParser
{
    /// <summary>Largest payload accepted; outbox slots on the nodes are far smaller.</summary>
    public const int MaxPayloadBytes = 16 * 1024;

    /// <summary>How payloads are read: here and again when their measurements are (the two must agree).</summary>
    internal static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    // Each thread's reader of payloads, used for one parse at a time.
    [ThreadStatic]
    private static PayloadMembers? t_members;

    /// <summary>Parses a payload received on <paramref name="topic"/> (a node's status, hb, report, event or result topic).</summary>
    public static MessageParseResult Parse(string topic, ReadOnlySequence<byte> payload)
    {
        if (!Topics.TryParseNodeTopic(topic, out string? nodeId, out string? leaf))
        {
            return MessageParseResult.Failure("\"" + topic + "\" is not a node topic");
        }

        return Parse(nodeId, leaf, payload);
    }

    /// <summary>Parses a payload received on <paramref name="topic"/>.</summary>
    public static MessageParseResult Parse(string topic, ReadOnlyMemory<byte> payload) => Parse(topic, new ReadOnlySequence<byte>(payload));

    /// <summary>
    /// Parses a payload of <paramref name="nodeId"/> published on its <paramref name="leaf"/> topic. The
    /// message's measurements are read from <paramref name="payload"/> when first asked for, so a
    /// single-segment payload's memory must not change afterwards (pass a copy of a pooled buffer).
    /// </summary>
    public static MessageParseResult Parse(string nodeId, string leaf, ReadOnlySequence<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        if (payload.Length > MaxPayloadBytes)
        {
            return MessageParseResult.Failure(leaf + ": payload of " + payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes is too large");
        }

        // Checked whole and first: measurements are read from the payload later, when asked for, and
        // should not meet bytes no reader can decode then. JSON is UTF-8 by definition (RFC 8259), so
        // nothing valid is refused.
        ReadOnlyMemory<byte> bytes = payload.IsSingleSegment ? payload.First : payload.ToArray();
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return MessageParseResult.Failure(leaf + ": payload is not valid UTF-8");
        }

        if (!EscapesDecode(bytes.Span))
        {
            return MessageParseResult.Failure(leaf + ": payload has a string or name that is not valid Unicode (an unpaired surrogate escape)");
        }

        // Read once, front to back, by this thread's reader (a thread parses one payload at a time).
        PayloadMembers members = t_members ??= new PayloadMembers();
        try
        {
            members.Read(bytes, Options.MaxDepth);
            return members.RootIsObject ? Parse(nodeId, leaf, bytes, members) : MessageParseResult.Failure(leaf + ": payload must be a JSON object");
        }
        catch (JsonException)
        {
            return MessageParseResult.Failure(leaf + ": payload is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // What EscapesDecode should already have refused; kept so that bad input can never stop
            // the engine's loop, whichever reader throws for it.
            return MessageParseResult.Failure(leaf + ": payload has a string or name that is not valid Unicode (an unpaired surrogate escape)");
        }
        finally
        {
            members.Clear();
        }
    }

    private static MessageParseResult Parse(string nodeId, string leaf, ReadOnlyMemory<byte> bytes, PayloadMembers members)
    {
        var f = new PayloadFields(members, leaf);
        var measurements = new PayloadMeasurementDictionary(bytes);
        NodeMessage? message = leaf switch
        {
            Topics.StatusLeaf => Status(nodeId, f),
            Topics.HeartbeatLeaf => Heartbeat(nodeId, f, measurements),
            Topics.ReportLeaf => Report(nodeId, f, measurements),
            Topics.EventLeaf => Event(nodeId, f, measurements),
            Topics.ResultLeaf => Result(nodeId, f),
            _ => null,
        };

        if (f.Error != null)
        {
            return MessageParseResult.Failure(f.Error);
        }

        return message == null ? MessageParseResult.Failure("\"" + leaf + "\" is not a topic nodes publish") : MessageParseResult.Success(message);
    }

    // Valid UTF-8 can still escape half a UTF-16 pair ("\udc00"): a JSON reader accepts it and throws
    // only when that string or name is decoded, so whether a payload was refused would depend on which
    // members a reader happened to look at. Every escaped token is decoded once here instead; payloads
    // without "\u" (nearly all) skip the walk.
    private static bool EscapesDecode(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) < 0)
        {
            return true;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (JsonException)
        {
            // Not JSON at all: JsonDocument.Parse says so next.
        }

        return true;
    }

    private static StatusMessage? Status(string nodeId, PayloadFields f)
    {
        string? state = f.String("state", required: true, 16);
        if (state is not (null or "online" or "offline"))
        {
            f.Fail("state", "must be online or offline");
            return null;
        }

        var status = new StatusMessage(
            nodeId, state == "online", f.String("kind", false), f.String("fw", false), f.String("boot", false),
            f.String("cfg", false), f.Integer("ep", false), f.String("community", false));
        return state == null ? null : status;
    }

    private static HeartbeatMessage Heartbeat(string nodeId, PayloadFields f, PayloadMeasurementDictionary measurements)
    {
        OutboxStatus? ob = null;
        if (f.Nested("ob") is PayloadFields of)
        {
            ob = new OutboxStatus(of.Integer("q", false, 0) ?? 0, of.Integer("next", false, 0) ?? 0, of.Integer("drop", false, 0) ?? 0);
        }

        long? batt = f.Integer("batt_mv", false, 0);
        long? rssi = f.Integer("rssi", false);
        return new HeartbeatMessage(
            nodeId, f.Integer("t", false, 0), f.Integer("up_s", false, 0), rssi is long r ? (int)Math.Clamp(r, -200, 100) : null,
            f.Integer("mem", false, 0), ob, f.Integer("rej", false, 0), f.String("cfg", false),
            batt is long b ? (int)Math.Min(b, int.MaxValue) : null, f.StringArray("faults"), measurements, f.OptionalNumber("hb_s"));
    }

    private static OutboxHeader? Header(PayloadFields f)
    {
        long? ep = f.Integer("ep", true, 0);
        long floor = f.Integer("floor", false, 0) ?? 0;
        long? seq = f.Integer("seq", true, 1);
        long? t = f.Integer("t", false, 0);
        long? up = f.Integer("up", false, 0);
        return ep is long e && seq is long s ? new OutboxHeader(e, Math.Min(floor, s), s, t, up) : null;
    }

    private static ReportMessage? Report(string nodeId, PayloadFields f, PayloadMeasurementDictionary measurements)
    {
        OutboxHeader? h = Header(f);
        string? type = f.String("type", false);
        SensorLevel? depth = f.Nested("depth")?.Level("level", false);
        SensorLevel? rain = f.Nested("rain")?.Level("signal", false);
        double? batt = f.OptionalNumber("batt_mv");
        return h == null ? null : new ReportMessage(nodeId, h, type, measurements, depth, rain, batt is double mv ? (int)Math.Clamp(mv, int.MinValue, int.MaxValue) : null);
    }

    private static EventMessage? Event(string nodeId, PayloadFields f, PayloadMeasurementDictionary measurements)
    {
        OutboxHeader? h = Header(f);
        string? type = f.String("type", true, 32);
        bool levelEvent = type is EventTypes.DepthLevel or EventTypes.RainSignal;
        SensorLevel? level = f.Level("level", required: levelEvent);
        SensorLevel? from = levelEvent ? f.Level("from", false) : null;
        bool isFault = type == EventTypes.Fault;
        string? fault = isFault ? f.String("fault", true, 32) : null;
        bool? active = isFault ? f.Boolean("active", true) : null;
        return h == null || type == null ? null : new EventMessage(nodeId, h, type, levelEvent ? level : null, from, fault, active, measurements);
    }

    private static ResultMessage? Result(string nodeId, PayloadFields f)
    {
        OutboxHeader? h = Header(f);
        string? cmd = f.String("cmd", true, 48);
        long? cseq = f.Integer("cseq", true, 1);
        string? kind = f.String("kind", true, 24);
        string? state = f.String("state", true, 24);
        string? reason = f.String("reason", false, 48);
        return h == null || cmd == null || cseq == null || kind == null || state == null
            ? null
            : new ResultMessage(nodeId, h, cmd, cseq.Value, kind, state, reason);
    }
}
