using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tocsin.Simulator.Reports;

/// <summary>The report's JSON form: camelCase, enums as text, indented, numbers in invariant form.</summary>
public static class ReportJson
{
    /// <summary>Serializer options for reports.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as JSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
