using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Tocsin.Controller.Health;

namespace Tocsin.Controller.Engine;

/// <summary>
/// Writes a health snapshot's documents: each group's nodes as exactly the JSON <see cref="JsonDefaults.Snapshot"/>
/// gives for a <see cref="HealthSnapshot"/> (which also reads it back), without the serializer's
/// per-property machinery, and the times nodes were last seen. A test holds the groups equal to the
/// serializer's output byte for byte.
/// </summary>
public sealed class HealthSnapshotWriter
{
    private static readonly JsonEncodedText NodeId = JsonEncodedText.Encode("nodeId");
    private static readonly JsonEncodedText ConnectivityName = JsonEncodedText.Encode("connectivity");
    private static readonly JsonEncodedText OfflineCauseName = JsonEncodedText.Encode("offlineCause");
    private static readonly JsonEncodedText LastSeen = JsonEncodedText.Encode("lastSeen");
    private static readonly JsonEncodedText Since = JsonEncodedText.Encode("since");
    private static readonly JsonEncodedText HeartbeatPeriod = JsonEncodedText.Encode("heartbeatPeriod");
    private static readonly JsonEncodedText Faults = JsonEncodedText.Encode("faults");
    private static readonly JsonEncodedText BatteryMv = JsonEncodedText.Encode("batteryMv");
    private static readonly JsonEncodedText BatteryTrend = JsonEncodedText.Encode("batteryTrendMvPerDay");
    private static readonly JsonEncodedText Firmware = JsonEncodedText.Encode("firmware");
    private static readonly JsonEncodedText BootReason = JsonEncodedText.Encode("bootReason");
    private static readonly JsonEncodedText Readings = JsonEncodedText.Encode("readings");
    private static readonly JsonEncodedText IsHealthy = JsonEncodedText.Encode("isHealthy");
    private static readonly JsonEncodedText[] ConnectivityText = EnumText<Connectivity>();
    private static readonly JsonEncodedText[] OfflineCauseText = EnumText<OfflineCause>();

    private static readonly JsonEncodedText Nodes = JsonEncodedText.Encode("nodes");

    private readonly ArrayBufferWriter<byte> _groups = new(1 << 16);
    private readonly ArrayBufferWriter<byte> _seen = new(1 << 16);
    private readonly List<(int Group, int Start, int Length)> _spans = [];

    /// <summary>
    /// A snapshot's health documents as UTF-8 JSON: each changed group's nodes as a <see cref="HealthSnapshot"/>,
    /// and when every node was last seen as one object of node id to Unix milliseconds. The bytes are
    /// this writer's own buffers, valid until its next call: written straight to the database.
    /// </summary>
    public SerializedHealth Serialize(HealthChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _groups.ResetWrittenCount();
        _spans.Clear();
        foreach (var (group, nodes) in changes.Groups)
        {
            int start = _groups.WrittenCount;
            using (var writer = new Utf8JsonWriter(_groups, new JsonWriterOptions { SkipValidation = true }))
            {
                writer.WriteStartObject();
                writer.WriteStartArray(Nodes);
                foreach (NodeHealth node in nodes)
                {
                    Write(writer, node);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            _spans.Add((group, start, _groups.WrittenCount - start));
        }

        // Sliced only now: the buffer may have moved while it grew.
        ReadOnlyMemory<byte> all = _groups.WrittenMemory;
        var documents = new List<(int Group, ReadOnlyMemory<byte> Json)>(_spans.Count);
        foreach (var (group, start, length) in _spans)
        {
            documents.Add((group, all.Slice(start, length)));
        }

        _seen.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_seen, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var (id, at) in changes.Seen)
            {
                writer.WriteNumber(id, at.ToUnixTimeMilliseconds());
            }

            writer.WriteEndObject();
        }

        return new SerializedHealth(documents, _seen.WrittenMemory);
    }

    private static void Write(Utf8JsonWriter writer, NodeHealth n)
    {
        writer.WriteStartObject();
        writer.WriteString(NodeId, n.NodeId);
        WriteEnum(writer, ConnectivityName, ConnectivityText, (int)n.Connectivity);
        WriteEnum(writer, OfflineCauseName, OfflineCauseText, (int)n.OfflineCause);
        WriteTime(writer, LastSeen, n.LastSeen);
        WriteTime(writer, Since, n.Since);
        writer.WriteString(HeartbeatPeriod, n.HeartbeatPeriod.ToString("c", CultureInfo.InvariantCulture));
        writer.WriteStartArray(Faults);
        foreach (string fault in n.Faults)
        {
            writer.WriteStringValue(fault);
        }

        writer.WriteEndArray();
        if (n.BatteryMv is int mv)
        {
            writer.WriteNumber(BatteryMv, mv);
        }
        else
        {
            writer.WriteNull(BatteryMv);
        }

        if (n.BatteryTrendMvPerDay is double trend)
        {
            writer.WriteNumber(BatteryTrend, trend);
        }
        else
        {
            writer.WriteNull(BatteryTrend);
        }

        writer.WriteString(Firmware, n.Firmware);
        writer.WriteString(BootReason, n.BootReason);
        writer.WriteStartArray(Readings);
        foreach (BatteryReading r in n.Readings)
        {
            // The pair form of CompactBatteryReadingConverter.
            writer.WriteStartArray();
            writer.WriteNumberValue(r.At.ToUnixTimeMilliseconds());
            writer.WriteNumberValue(r.Millivolts);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();

        // Derived, and ignored when read back; written because the serializer writes it.
        writer.WriteBoolean(IsHealthy, n.IsHealthy);
        writer.WriteEndObject();
    }

    // An undefined value is written as its number, as the enum converter writes it.
    private static void WriteEnum(Utf8JsonWriter writer, JsonEncodedText name, JsonEncodedText[] text, int value)
    {
        if ((uint)value < (uint)text.Length)
        {
            writer.WriteString(name, text[value]);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteTime(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is DateTimeOffset at)
        {
            writer.WriteString(name, at);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // As JsonStringEnumConverter with the camel-case policy names them, indexed by value.
    private static JsonEncodedText[] EnumText<T>()
        where T : struct, Enum
    {
        T[] values = Enum.GetValues<T>();
        if (values.Select((v, i) => Convert.ToInt32(v, CultureInfo.InvariantCulture) == i).Any(inOrder => !inOrder))
        {
            throw new InvalidOperationException(typeof(T).Name + " must count from 0 without gaps to be written by index");
        }

        return values.Select(v => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))).ToArray();
    }
}
