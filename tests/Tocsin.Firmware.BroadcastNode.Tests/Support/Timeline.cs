using System.Collections.Generic;
using System.Linq;

namespace Tocsin.Firmware.BroadcastNode.Tests.Support;

/// <summary>
/// What the hardware did, on virtual time: "amp on", "zone1 on", "tone on", "audible on",
/// "clip 12", "clip 0", sampled after every tick (only changes are kept).
/// </summary>
public sealed class Timeline
{
    private readonly List<(long AtMs, string What)> _entries = new();
    private readonly Dictionary<string, string> _last = new();

    public IReadOnlyList<(long AtMs, string What)> Entries => _entries;

    public void Note(long atMs, string name, string value)
    {
        if (_last.TryGetValue(name, out string previous) && previous == value)
        {
            return;
        }

        _last[name] = value;
        _entries.Add((atMs, name + " " + value));
    }

    /// <summary>Time of the first entry equal to <paramref name="what"/> at or after <paramref name="fromMs"/>, or -1.</summary>
    public long First(string what, long fromMs = long.MinValue) =>
        _entries.Where(e => e.What == what && e.AtMs >= fromMs).Select(e => e.AtMs).DefaultIfEmpty(-1).First();

    /// <summary>Times of every entry equal to <paramref name="what"/>.</summary>
    public List<long> All(string what) => _entries.Where(e => e.What == what).Select(e => e.AtMs).ToList();

    /// <summary>Total time "<paramref name="name"/> on" held, up to <paramref name="untilMs"/>.</summary>
    public long OnTimeMs(string name, long untilMs)
    {
        long total = 0;
        long since = -1;
        foreach ((long at, string what) in _entries)
        {
            if (what == name + " on" && since < 0)
            {
                since = at;
            }
            else if (what == name + " off" && since >= 0)
            {
                total += at - since;
                since = -1;
            }
        }

        return total + (since >= 0 ? untilMs - since : 0);
    }

    public override string ToString() => string.Join("\n", _entries.Select(e => e.AtMs + " " + e.What));
}
