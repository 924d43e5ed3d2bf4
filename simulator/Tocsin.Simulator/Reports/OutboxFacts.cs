using System.Text.Json;
using Tocsin.Controller.Ingest;

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

    /// <summary>
    /// Takes the facts from the message as the controller's parser read it, which every node publish
    /// gets anyway; false for anything but a report, event or result.
    /// </summary>
    public static bool TryFrom(NodeMessage? message, out OutboxFacts facts)
    {
        facts = default;
        if (message is not OutboxMessage outbox)
        {
            return false;
        }

        facts.Epoch = outbox.Header.Epoch;
        facts.Seq = outbox.Header.Seq;
        switch (outbox)
        {
            case ReportMessage r:
                facts.Type = r.Type;
                break;
            case EventMessage e:
                facts.Type = e.Type;
                facts.Level = e.Level is SensorLevel level ? SensorLevels.ToText(level) : null;
                facts.Fault = e.Fault;
                facts.Active = e.Active ?? false;
                facts.BadMac = e.Measurements.TryGetValue("bad_mac", out double badMac) ? (long)badMac : 0;
                facts.Replayed = e.Measurements.TryGetValue("replayed", out double replayed) ? (long)replayed : 0;
                break;
            case ResultMessage result:
                facts.Command = result.CommandId;
                facts.State = result.State;
                facts.Reason = result.Reason;
                break;
        }

        return true;
    }

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
                string name = reader.GetString()!;
                if (!reader.Read())
                {
                    return false;
                }

                switch (name)
                {
                    case "ep" when reader.TokenType == JsonTokenType.Number:
                        hasEp = reader.TryGetInt64(out facts.Epoch);
                        break;
                    case "seq" when reader.TokenType == JsonTokenType.Number:
                        hasSeq = reader.TryGetInt64(out facts.Seq);
                        break;
                    case "type" when reader.TokenType == JsonTokenType.String:
                        facts.Type = reader.GetString();
                        break;
                    case "level" when reader.TokenType == JsonTokenType.String:
                        facts.Level = reader.GetString();
                        break;
                    case "fault" when reader.TokenType == JsonTokenType.String:
                        facts.Fault = reader.GetString();
                        break;
                    case "active" when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                        facts.Active = reader.GetBoolean();
                        break;
                    case "cmd" when reader.TokenType == JsonTokenType.String:
                        facts.Command = reader.GetString();
                        break;
                    case "state" when reader.TokenType == JsonTokenType.String:
                        facts.State = reader.GetString();
                        break;
                    case "reason" when reader.TokenType == JsonTokenType.String:
                        facts.Reason = reader.GetString();
                        break;
                    case "bad_mac" when reader.TokenType == JsonTokenType.Number:
                        reader.TryGetInt64(out facts.BadMac);
                        break;
                    case "replayed" when reader.TokenType == JsonTokenType.Number:
                        reader.TryGetInt64(out facts.Replayed);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return hasEp && hasSeq;
    }
}
