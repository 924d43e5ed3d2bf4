namespace Tocsin.Simulator.Reports;

/// <summary>One line of the run's timeline.</summary>
/// <param name="Minute">Scenario minute (negative during warm-up).</param>
/// <param name="Kind">reading, alert, dispatch, result, fault, action, console, alarm.</param>
/// <param name="Subject">Node, alert or fault concerned.</param>
/// <param name="Text">What happened.</param>
public sealed record TimelineEntry(double Minute, string Kind, string Subject, string Text);
