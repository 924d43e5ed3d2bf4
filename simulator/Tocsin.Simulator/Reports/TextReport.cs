using System.Globalization;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Reports;

/// <summary>The report for people: what happened, who heard it and how fast, what broke and what it cost.</summary>
public static class TextReport
{
    /// <summary>Writes the summary.</summary>
    public static void Write(RunReport r, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(w);
        CultureInfo c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Format(c, "{0} ({1}), seed {2}", r.Title, r.Scenario, r.Seed));
        w.WriteLine(string.Format(c, "{0} from {1:yyyy-MM-dd HH:mm} UTC; {2} communities, {3} sensor nodes, {4} loudspeakers",
            ScenarioTime.Format(r.DurationMinutes), r.Start, r.Communities, r.Sensors, r.Speakers));
        w.WriteLine();
        w.WriteLine("Alerts");
        if (r.Alerts.Count == 0)
        {
            w.WriteLine("  none");
        }

        foreach (AlertSummary a in r.Alerts)
        {
            w.WriteLine(string.Format(c, "  {0} {1} {2} level {3} ({4}), created {5}, {6}, {7}", a.Id, a.Kind, a.Hazard, a.Level, a.Source, At(a.CreatedMinute),
                a.DispatchedMinute is { } d ? "dispatched " + At(d) : "not dispatched", a.State));
            if (a.DispatchedMinute != null)
            {
                w.WriteLine(string.Format(c, "      sounded on {0} of {1} speakers; dispatch to sound p50 {2} s, p95 {3} s, last {4} s; trigger to dispatch {5} s",
                    a.Sounded, a.Speakers, S(a.SoundP50S), S(a.SoundP95S), S(a.SoundMaxS), S(a.TriggerToDispatchS)));
            }

            if (a.Coverage != null)
            {
                w.WriteLine(string.Format(c, "      reached {0} of {1} targeted residents ({2:0.0}%), {3} silent and {4} failed speakers",
                    a.Coverage.District.ReachedPopulation, a.Coverage.District.TargetedPopulation, 100 * a.Coverage.District.Ratio, a.Coverage.Silent.Count, a.Coverage.Failed.Count));
                foreach (var street in a.Coverage.Streets)
                {
                    w.WriteLine(string.Format(c, "        {0,-14} {1,7} of {2,7} ({3:0.0}%)", street.StreetId, street.Figures.ReachedPopulation, street.Figures.TargetedPopulation, 100 * street.Figures.Ratio));
                }
            }
        }

        w.WriteLine();
        w.WriteLine("Faults");
        if (r.Faults.Count == 0)
        {
            w.WriteLine("  none");
        }

        foreach (FaultSummary f in r.Faults)
        {
            w.WriteLine(string.Format(c, "  {0} {1} on {2} nodes{3}: {4}", At(f.AtMinute), f.Type, f.Nodes,
                f.DurationMinutes > 0 ? " for " + ScenarioTime.Format(f.DurationMinutes) : string.Empty, f.Effect));
        }

        w.WriteLine();
        DeliverySummary m = r.Messages;
        w.WriteLine(string.Format(c, "Messages: {0} sent by nodes ({1} sends with resends), {2} stored, {3} lost, {4} stored twice{5}",
            m.Published, m.Sends, m.Committed, m.Lost, m.Doubled,
            m.QueuedOnNodes > 0 ? string.Format(c, "; {0} still queued on their nodes at the end (not lost: they are sent again)", m.QueuedOnNodes) : string.Empty));
        if (m.NodesWithLoss.Count > 0)
        {
            w.WriteLine("  lost on: " + string.Join(", ", m.NodesWithLoss));
        }

        if (m.PlayedAgain.Count > 0)
        {
            w.WriteLine("  played more than once (resumed or doubled): " + string.Join(", ", m.PlayedAgain));
        }

        NetworkSummary n = r.Network;
        w.WriteLine(string.Format(c, "Network: {0} delivered, {1} lost in transit, {2} undeliverable, {3} refused by topic rules, {4} connects ({5} refused), {6} last wills",
            n.Delivered, n.Lost, n.Undeliverable, n.RefusedByAcl, n.Connects, n.ConnectsRefused, n.Wills));
        foreach (TimelineEntry e in r.Console)
        {
            w.WriteLine();
            w.WriteLine(string.Format(c, "Console of {0} at {1}:", e.Subject, At(e.Minute)));
            w.WriteLine(e.Text);
        }
    }

    private static string At(double minute) => (minute < 0 ? "-" : string.Empty) + ScenarioTime.Format(Math.Abs(minute));

    private static string S(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
