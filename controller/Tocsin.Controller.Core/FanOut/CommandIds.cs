using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tocsin.Controller.FanOut;

/// <summary>
/// Command ids derived from an alert: "{alert}.v{n}" for version n's broadcast, "{alert}.v{n}.cancel"
/// for its cancel, "{alert}.allclear" for the all-clear. Nodes keep broadcast ids for good (a handled
/// id never sounds twice), so each version needs its own id. All fit the firmware's command id
/// alphabet (A-Z a-z 0-9 . _ : -) and 48 characters, given alert ids of at most 32.
/// </summary>
public static class CommandIds
{
    /// <summary>The firmware's longest command id.</summary>
    public const int MaxLength = 48;

    /// <summary>The broadcast id of <paramref name="version"/>.</summary>
    public static string Broadcast(string alertId, int version) => alertId + ".v" + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id of the cancel command for <paramref name="version"/>'s broadcast.</summary>
    public static string Cancel(string alertId, int version) => Broadcast(alertId, version) + ".cancel";

    /// <summary>The all-clear broadcast id.</summary>
    public static string AllClear(string alertId) => alertId + ".allclear";

    /// <summary>Splits a command id back into its alert id, version (0 for the all-clear) and kind.</summary>
    public static bool TryParse(string? commandId, [NotNullWhen(true)] out string? alertId, out int version, [NotNullWhen(true)] out string? kind)
    {
        alertId = null;
        kind = null;
        version = 0;
        if (string.IsNullOrEmpty(commandId))
        {
            return false;
        }

        if (commandId.EndsWith(".allclear", StringComparison.Ordinal))
        {
            alertId = commandId[..^".allclear".Length];
            kind = CommandKinds.AllClear;
            return alertId.Length > 0;
        }

        string rest = commandId;
        kind = CommandKinds.Broadcast;
        if (rest.EndsWith(".cancel", StringComparison.Ordinal))
        {
            rest = rest[..^".cancel".Length];
            kind = CommandKinds.Cancel;
        }

        int dot = rest.LastIndexOf(".v", StringComparison.Ordinal);
        if (dot <= 0 || !int.TryParse(rest.AsSpan(dot + 2), NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1)
        {
            kind = null;
            return false;
        }

        alertId = rest[..dot];
        return true;
    }
}
