using System.Globalization;
using System.Text;
using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Health;

/// <summary>
/// Operator alarms for nodes' security events: commands a node refused unheard (a bad signature,
/// malformed, retained, too old for its replay window, no key). A node sends one at most a minute, and
/// none for a plain redelivery of a command it already has, so every event is worth an alarm: someone
/// may be forging or replaying commands to the loudspeakers. One alarm per node nags until
/// acknowledged; acknowledging ends it (<see cref="EndsWhenAcknowledged"/>), so a later attack raises
/// a new one.
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
        ("replayed", "replayed or too old"),
        ("malformed", "malformed"),
        ("retained", "retained"),
        ("other", "for other reasons"),
    ];

    /// <summary>The alarm key for <paramref name="nodeId"/> ("security:bn-0007").</summary>
    public static string KeyFor(string nodeId) => KeyPrefix + nodeId;

    /// <summary>True for a security alarm's key: it has no condition that clears, so acknowledging it ends it.</summary>
    public static bool EndsWhenAcknowledged(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(KeyPrefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// Raises the alarm for a node's <paramref name="security"/> event received at <paramref name="at"/>;
    /// returns its first notification, or null when the node's alarm is already raised or the event
    /// counts no refusal.
    /// </summary>
    public static AlarmNotification? Apply(AlarmBoard board, EventMessage security, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(security);
        var text = new StringBuilder("node ").Append(security.NodeId).Append(' ').Append(Phrase).Append(" in its last minute:");
        bool any = false;
        foreach ((string field, string words) in Counts)
        {
            if (security.Measurements.TryGetValue(field, out double count) && count >= 1)
            {
                text.Append(any ? ", " : " ").Append(((long)count).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(words);
                any = true;
            }
        }

        return any ? board.Raise(KeyFor(security.NodeId), text.ToString(), security.NodeId, at) : null;
    }
}
