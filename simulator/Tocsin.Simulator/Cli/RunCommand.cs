using System.CommandLine;
using System.Globalization;
using Tocsin.Controller.Validation;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Cli;

/// <summary><c>tocsin-sim run</c>: a scenario in deterministic mode, with its report.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario file (docs/scenario-file.md)" };
        var seed = new Option<int?>("--seed") { Description = "seed (default: the scenario's); the same seed gives the same report" };
        var output = new Option<string?>("--out") { Description = "directory for report.json, report.txt and plots (default: sim-reports/<scenario>-<seed>)" };
        var check = new Option<bool>("--check") { Description = "only validate the scenario file" };
        var serial = new Option<bool>("--serial") { Description = "run everything on one thread, controller rounds included (same result, slower)" };
        var quiet = new Option<bool>("--quiet") { Description = "no progress lines" };
        var data = new Option<string?>("--data") { Description = "keep the controller's database (tocsin.db) in this directory (new, or without a database) to serve it afterwards; needs TOCSIN_ADMIN_PASSWORD, the password of its operator admin (default: in memory, gone at the end)" };
        var command = new Command("run", "Deterministic mode: controller, nodes and network in one process on virtual time.")
        {
            scenario, seed, output, check, serial, quiet, data,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            ScenarioLoadResult loaded = ScenarioParser.Load(parse.GetValue(scenario)!);
            if (!loaded.Succeeded)
            {
                await Console.Error.WriteLineAsync("scenario refused:").ConfigureAwait(false);
                foreach (ValidationError e in loaded.Errors)
                {
                    await Console.Error.WriteLineAsync("  " + e).ConfigureAwait(false);
                }

                return 2;
            }

            Scenario s = loaded.Scenario!;
            if (parse.GetValue(check))
            {
                var plan = new DistrictPlan(loaded.Map!, s.Nodes);
                await Console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "scenario {0} is valid: {1} nodes, {2} actions, {3} faults, {4}",
                    s.Name, plan.Nodes.Count, s.Actions.Count, s.Faults.Count, ScenarioTime.Format(s.DurationMinutes))).ConfigureAwait(false);
                return 0;
            }

            string? dataDirectory = parse.GetValue(data);
            string? adminPassword = dataDirectory == null ? null : Environment.GetEnvironmentVariable("TOCSIN_ADMIN_PASSWORD");
            if (dataDirectory != null && KeptDatabaseCheck.Problem(dataDirectory, adminPassword) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return 2;
            }

            int usedSeed = parse.GetValue(seed) ?? s.Seed;
            string dir = parse.GetValue(output) ?? Path.Combine("sim-reports", s.Name + "-" + usedSeed.ToString(CultureInfo.InvariantCulture));
            var options = new RunOptions
            {
                Seed = usedSeed,
                Parallel = !parse.GetValue(serial),
                Progress = parse.GetValue(quiet) ? null : Console.Out,
                DataDirectory = dataDirectory,
                AdminPassword = adminPassword,
            };
            await using var run = new DeterministicRun(s, loaded.Map!, options);
            RunReport report = await run.RunAsync(cancellation).ConfigureAwait(false);
            ReportFiles.Write(report, run.Performance, dir);
            TextReport.Write(report, Console.Out);
            await Console.Out.WriteLineAsync().ConfigureAwait(false);
            await Console.Out.WriteLineAsync(ReportFiles.PerformanceLine(run.Performance)).ConfigureAwait(false);
            await Console.Out.WriteLineAsync("report: " + Path.GetFullPath(dir)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
