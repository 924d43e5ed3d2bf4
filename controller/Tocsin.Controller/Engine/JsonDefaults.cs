using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tocsin.Controller.Engine;

/// <summary>JSON options for stored state and API answers: camelCase, enums as text.</summary>
public static class JsonDefaults
{
    /// <summary>The shared options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>For the engine's snapshots: the shared options with compact battery readings.</summary>
    public static JsonSerializerOptions Snapshot { get; } = new(Options) { Converters = { new CompactBatteryReadingConverter() } };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = false };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
