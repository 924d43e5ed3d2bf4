using System.Globalization;
using System.Text;
using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Health;

/// <summary>
/// Operator alarms for nodes' security events: commands a node refused unheard, for a bad signature
/// (forged, or sent with the wrong key), as malformed, as retained, or for another reason. One alarm
/// per node, raised at the first such event and kept while more come (a node sends at most one a
/// minute); it nags until acknowledged and is resolved after <see cref="QuietFor"/> without one, so a
/// sustained attack is one alarm per node and a later one raises a new alarm.
/// Replays are left out: the firmware counts a controller's honest resend of a command it already has
/// as one, and sends no event for those alone; one refused as too old for its replay window shows
/// only in that count, and a late resend after a long outage can be one too.
/// </summary>
public static class SecurityAlarms
{
    /// <summary>The words every security alarm's message carries after the node id.</summary>
    public const string Phrase = "refused commands";

    private const string KeyPrefix = "security:";

    // The event's counts, as the firmware names them, and how the alarm says each.
    private static readonly (string Field, string Words)[] Counts =
    [
        ("bad_mac", "with a bad signature (forged?)"),
        ("malformed", "malformed"),
        ("retained", "retained"),
        ("other", "for other reasons"),
    ];

    /// <summary>How long a node's security alarm stays raised after its last security event.</summary>
    public static TimeSpan QuietFor { get; } = TimeSpan.FromMinutes(15);

    /// <summary>The alarm key for <paramref name="nodeId"/> ("security:bn-0007").</summary>
    public static string KeyFor(string nodeId) => KeyPrefix + nodeId;

    /// <summary>True for a security alarm's key.</summary>
    public static bool IsSecurityKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(KeyPrefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// Raises the alarm for a node's <paramref name="security"/> event received at <paramref name="at"/>;
    /// returns its first notification, or null when the node's alarm is already raised or the event
    /// counts no refusal that raises one.
    /// </summary>
    public static AlarmNotification? Apply(AlarmBoard board, EventMessage security, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(security);
        var text = new StringBuilder("node ").Append(security.NodeId).Append(' ').Append(Phrase).Append(" since its last security event:");
        bool first = true;
        foreach ((string field, string words) in Counts)
        {
            if (security.Measurements.TryGetValue(field, out double count) && count >= 1)
            {
                text.Append(first ? " " : ", ").Append(((long)count).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(words);
                first = false;
            }
        }

        return first ? null : board.Raise(KeyFor(security.NodeId), text.ToString(), security.NodeId, at);
    }

    /// <summary>True when <paramref name="security"/> counts a refusal that raises (or keeps) an alarm.</summary>
    public static bool Raises(EventMessage security)
    {
        ArgumentNullException.ThrowIfNull(security);
        foreach ((string field, _) in Counts)
        {
            if (security.Measurements.TryGetValue(field, out double count) && count >= 1)
            {
                return true;
            }
        }

        return false;
    }
}
