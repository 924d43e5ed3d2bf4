using System.Text.Json;

namespace Tocsin.Simulator.Reports;

/// <summary>
/// The few top-level fields of a node's outbox message (report, event or result) the run report
/// needs, read straight off the bytes without building a document.
/// </summary>
internal struct OutboxFacts
{
    /// <summary>Outbox epoch.</summary>
    public long Epoch;

    /// <summary>Sequence number.</summary>
    public long Seq;

    /// <summary>Event type ("depth_level", "fault", "security", …), or null.</summary>
    public string? Type;

    /// <summary>"level" field (events), or null.</summary>
    public string? Level;

    /// <summary>"fault" field, or null.</summary>
    public string? Fault;

    /// <summary>"active" field of a fault event.</summary>
    public bool Active;

    /// <summary>Command id of a result, or null.</summary>
    public string? Command;

    /// <summary>Result state, or null.</summary>
    public string? State;

    /// <summary>Result reason, or null.</summary>
    public string? Reason;

    /// <summary>Commands refused for a bad MAC (security event).</summary>
    public long BadMac;

    /// <summary>Commands refused as replays (security event).</summary>
    public long Replayed;

    /// <summary>Reads the facts; false when the payload is not a JSON object with ep and seq.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out OutboxFacts facts)
    {
        facts = default;
        bool hasEp = false;
        bool hasSeq = false;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Names are compared in place: this runs for every outbox message of a run.
                Field field = FieldOf(ref reader);
                if (!reader.Read())
                {
                    return false;
                }

                JsonTokenType token = reader.TokenType;
                switch (field)
                {
                    case Field.Epoch when token == JsonTokenType.Number:
                        hasEp = reader.TryGetInt64(out facts.Epoch);
                        break;
                    case Field.Seq when token == JsonTokenType.Number:
                        hasSeq = reader.TryGetInt64(out facts.Seq);
                        break;
                    case Field.Type when token == JsonTokenType.String:
                        facts.Type = reader.GetString();
                        break;
                    case Field.Level when token == JsonTokenType.String:
                        facts.Level = reader.GetString();
                        break;
                    case Field.Fault when token == JsonTokenType.String:
                        facts.Fault = reader.GetString();
                        break;
                    case Field.Active when token is JsonTokenType.True or JsonTokenType.False:
                        facts.Active = reader.GetBoolean();
                        break;
                    case Field.Command when token == JsonTokenType.String:
                        facts.Command = reader.GetString();
                        break;
                    case Field.State when token == JsonTokenType.String:
                        facts.State = reader.GetString();
                        break;
                    case Field.Reason when token == JsonTokenType.String:
                        facts.Reason = reader.GetString();
                        break;
                    case Field.BadMac when token == JsonTokenType.Number:
                        reader.TryGetInt64(out facts.BadMac);
                        break;
                    case Field.Replayed when token == JsonTokenType.Number:
                        reader.TryGetInt64(out facts.Replayed);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8 (a forged message, say).
            return false;
        }

        return hasEp && hasSeq;
    }

    private enum Field
    {
        Other,
        Epoch,
        Seq,
        Type,
        Level,
        Fault,
        Active,
        Command,
        State,
        Reason,
        BadMac,
        Replayed,
    }

    private static Field FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("ep"u8) ? Field.Epoch
        : reader.ValueTextEquals("seq"u8) ? Field.Seq
        : reader.ValueTextEquals("type"u8) ? Field.Type
        : reader.ValueTextEquals("level"u8) ? Field.Level
        : reader.ValueTextEquals("fault"u8) ? Field.Fault
        : reader.ValueTextEquals("active"u8) ? Field.Active
        : reader.ValueTextEquals("cmd"u8) ? Field.Command
        : reader.ValueTextEquals("state"u8) ? Field.State
        : reader.ValueTextEquals("reason"u8) ? Field.Reason
        : reader.ValueTextEquals("bad_mac"u8) ? Field.BadMac
        : reader.ValueTextEquals("replayed"u8) ? Field.Replayed
        : Field.Other;
}
