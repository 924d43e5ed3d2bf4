using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tocsin.Firmware.Analyzers.Tests;

[TestClass]
public sealed class CleanFirmwareCodeTests
{
    // Shaped like real firmware logic: every construct here is the recommended replacement
    // for something the rules reject, or a lookalike that must not trip them.
    private const string CleanSource = """
        using System;
        using System.Collections;

        namespace Firmware;

        public delegate void ReadingHandler(object sender, int value);

        public enum State { Idle, Alarm }

        public sealed class Clock { public int Now; }

        public sealed class Pump { public void Sleep(int ms) { } }

        public sealed class Node
        {
            private readonly int[] _readings = new int[4];
            private readonly int[][] _grid = new int[3][];
            private readonly ArrayList _queue = new ArrayList();

            public event ReadingHandler? Reading;

            public static string StateText(State state)
            {
                switch (state)
                {
                    case State.Idle: return "idle";
                    case State.Alarm: return "alarm";
                    default: return "unknown";
                }
            }

            public string Tick(long nowMs, Clock clock, Pump pump, State state)
            {
                pump.Sleep(10);
                var now = clock.Now;
                _queue.Add(nowMs);
                _grid[0] = new int[] { 1, 2 };
                Reading?.Invoke(this, _readings[0] + _grid.Length);
                var epoch = DateTime.MinValue;
                return "state " + StateText(state) + " at " + nowMs.ToString() + $" {now} {(int)state} " + epoch.Ticks;
            }
        }
        """;

    private static DiagnosticAnalyzer[] AllAnalyzers() =>
        [new NoGenericsAnalyzer(), new NoMultidimensionalArraysAnalyzer(), new NoEnumToStringAnalyzer(), new NoWallClockAnalyzer()];

    [TestMethod]
    public async Task CleanFirmwareCodeProducesNoDiagnostics()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(CleanSource, AllAnalyzers());

        Assert.IsEmpty(diagnostics, string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString())));
    }

    [TestMethod]
    public void EveryRuleIsAnEnabledErrorInTheFirmwareCategory()
    {
        var descriptors = AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).ToArray();

        Assert.AreEqual("TOC001 TOC002 TOC003 TOC004", string.Join(" ", descriptors.Select(d => d.Id)));
        foreach (var descriptor in descriptors)
        {
            Assert.AreEqual(DiagnosticSeverity.Error, descriptor.DefaultSeverity, descriptor.Id);
            Assert.IsTrue(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.AreEqual("Tocsin.Firmware", descriptor.Category, descriptor.Id);
            Assert.IsTrue(string.IsNullOrEmpty(descriptor.HelpLinkUri), descriptor.Id);
        }
    }
}
