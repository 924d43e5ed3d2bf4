using Tocsin.Firmware.BroadcastNode.Scheduling;
using Tocsin.Firmware.Json;
using Tocsin.Firmware.Mqtt;

namespace Tocsin.Firmware.BroadcastNode.Rules;

/// <summary>
/// Reads the level out of a sensor node's event as its outbox publishes it
/// (<c>{"ep":..,"seq":..,"t":..,"up":..,"type":"depth_level","level":"orange",...}</c>; "rain_signal"
/// events alike). Only these two types carry evidence for the rules; anything else is ignored.
/// </summary>
public sealed class SensorEvent
{
    private readonly JsonReader _reader = new JsonReader(128);

    /// <summary>The sensor node the event came from.</summary>
    public string Source { get; private set; }

    /// <summary>The level (<see cref="AlertLevel"/> ladder: 0 none .. 4 red).</summary>
    public int Level { get; private set; }

    /// <summary>The event's "t" (UTC ms), or 0 when it had none.</summary>
    public long AtUtcMs { get; private set; }

    /// <summary>
    /// Parses an event published on <paramref name="topic"/>; false when it is not a level event of
    /// a sensor node (other topics, other types, a bad payload).
    /// </summary>
    public bool TryParse(string topic, byte[] payload)
    {
        string prefix = Topics.Root + "/node/";
        string suffix = "/" + Topics.EventLeaf;
        if (topic == null || payload == null || !topic.StartsWith(prefix) || !topic.EndsWith(suffix) || topic.Length <= prefix.Length + suffix.Length)
        {
            return false;
        }

        Source = topic.Substring(prefix.Length, topic.Length - prefix.Length - suffix.Length);
        Level = AlertLevel.Unknown;
        AtUtcMs = 0;
        bool levelEvent = false;
        JsonReader r = _reader;
        r.Reset(payload, 0, payload.Length);
        if (!r.Read() || r.TokenType != JsonTokenType.BeginObject)
        {
            return false;
        }

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.NameEquals("type"))
            {
                levelEvent = r.Read() && (r.ValueEquals("depth_level") || r.ValueEquals("rain_signal"));
            }
            else if (r.NameEquals("level"))
            {
                Level = r.Read() && r.TokenType == JsonTokenType.String ? AlertLevel.Parse(r.GetString()) : AlertLevel.Unknown;
            }
            else if (r.NameEquals("t"))
            {
                AtUtcMs = r.Read() && r.TryGetInt64(out long t) ? t : 0;
            }
            else
            {
                r.SkipNextValue();
            }
        }

        return r.Error == null && levelEvent && Level != AlertLevel.Unknown;
    }
}
