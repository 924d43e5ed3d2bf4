using System.Text.Json;
using System.Text.Json.Serialization;
using Tocsin.Controller.Health;

namespace Tocsin.Controller.Engine;

/// <summary>
/// Battery readings in snapshots as <c>[unix ms, mV]</c>: a 10,000-node health snapshot holds 120,000
/// of them, and as objects with ISO times they were two thirds of its bytes and of the time spent
/// writing it. Reads the object form too (<c>{"at": ..., "millivolts": ...}</c>), so snapshots saved
/// by earlier versions still load. Times read from pairs come back whole milliseconds, UTC.
/// </summary>
public sealed class CompactBatteryReadingConverter : JsonConverter<BatteryReading>
{
    private static readonly long MinUnixMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public override BatteryReading Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            NextNumber(ref reader);
            long ms = reader.GetInt64();
            if (ms < MinUnixMs || ms > MaxUnixMs)
            {
                throw new JsonException("a battery reading's time is out of range");
            }

            NextNumber(ref reader);
            int mv = reader.GetInt32();
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("a battery reading must be [unix ms, millivolts]");
            }

            return new BatteryReading(DateTimeOffset.FromUnixTimeMilliseconds(ms), mv);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a battery reading must be [unix ms, millivolts] or an object");
        }

        DateTimeOffset? at = null;
        int? millivolts = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (name.Equals("at", StringComparison.OrdinalIgnoreCase))
            {
                at = reader.GetDateTimeOffset();
            }
            else if (name.Equals("millivolts", StringComparison.OrdinalIgnoreCase))
            {
                millivolts = reader.GetInt32();
            }
            else
            {
                reader.Skip();
            }
        }

        return at is DateTimeOffset a && millivolts is int m ? new BatteryReading(a, m) : throw new JsonException("a battery reading needs at and millivolts");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, BatteryReading value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.At.ToUnixTimeMilliseconds());
        writer.WriteNumberValue(value.Millivolts);
        writer.WriteEndArray();
    }

    private static void NextNumber(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("a battery reading must be [unix ms, millivolts]");
        }
    }
}
