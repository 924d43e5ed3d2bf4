using System.Diagnostics.CodeAnalysis;

namespace Tocsin.Controller.Nodes;

/// <summary>A decoded bundle: its settings as the node would read them (every value as text), or why it is not valid.</summary>
public sealed class BundleContents
{
    private BundleContents(IReadOnlyDictionary<string, string>? settings, string? error)
    {
        Settings = settings;
        Error = error;
    }

    /// <summary>Setting name → value ("mqtt.port" → "1883", "mqtt.tls" → "false"); null when invalid.</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; }

    /// <summary>What is wrong, or null.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Settings"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Settings))]
    public bool Succeeded => Settings != null;

    /// <summary>Never prints the settings: they hold secrets.</summary>
    public override string ToString() => Succeeded ? "BundleContents { " + Settings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " settings }" : "BundleContents { " + Error + " }";

    internal static BundleContents Success(IReadOnlyDictionary<string, string> settings) => new(settings, null);

    internal static BundleContents Failure(string error) => new(null, error);
}
