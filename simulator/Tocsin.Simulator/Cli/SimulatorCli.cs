using System.CommandLine;
using Tocsin.Simulator.Consoles;
using Tocsin.Simulator.Live;

namespace Tocsin.Simulator.Cli;

/// <summary>The <c>tocsin-sim</c> command line.</summary>
public static class SimulatorCli
{
    /// <summary>Parses and runs; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Tocsin simulator: the real firmware on simulated hardware, against a controller.");
        root.Subcommands.Add(DistrictCommand());
        root.Subcommands.Add(RunCommand.Create());
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    private static Command DistrictCommand()
    {
        var api = new Option<string>("--api") { Description = "controller API", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var mqttHost = new Option<string>("--mqtt-host") { Description = "broker host the nodes connect to", DefaultValueFactory = _ => "127.0.0.1" };
        var mqttPort = new Option<int>("--mqtt-port") { Description = "broker port", DefaultValueFactory = _ => 1883 };
        var communities = new Option<int>("--communities") { Description = "communities to equip (a sensor and two speakers each)", DefaultValueFactory = _ => 8 };
        var speakers = new Option<int>("--speakers-per-community") { Description = "loudspeakers per community (they share 90 % of its residents)", DefaultValueFactory = _ => 2 };
        var minutes = new Option<double>("--minutes") { Description = "real minutes to run", DefaultValueFactory = _ => 10 };
        var speed = new Option<double>("--speed") { Description = "world seconds per real second for rain and water (above ~30 water rises faster than the sensors' plausibility filter accepts)", DefaultValueFactory = _ => 20 };
        var consolePort = new Option<int?>("--console-port") { Description = "serve the nodes' serial consoles on 127.0.0.1:PORT (connect with nc; 'nodes', 'attach ID')" };
        var consoleNode = new Option<string?>("--console") { Description = "attach this terminal to one node's serial console (district reports then go to stderr)" };
        var command = new Command("district", "Live mode: a typhoon over a simulated district, every node on its own MQTT connection (admin password from TOCSIN_ADMIN_PASSWORD).")
        {
            api, mqttHost, mqttPort, communities, speakers, minutes, speed, consolePort, consoleNode,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            string? password = Environment.GetEnvironmentVariable("TOCSIN_ADMIN_PASSWORD");
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("TOCSIN_ADMIN_PASSWORD must hold the controller's admin password").ConfigureAwait(false);
                return 2;
            }

            int count = parse.GetValue(communities);
            if (count < 1 || count > 2000)
            {
                await Console.Error.WriteLineAsync("--communities must be from 1 to 2000").ConfigureAwait(false);
                return 2;
            }

            string? terminalNode = parse.GetValue(consoleNode);
            TextWriter report = terminalNode == null ? Console.Out : Console.Error;
            await using var consoles = new DistrictConsoles(Console.In, Console.Out, Console.Error);
            if (!consoles.TryListen(parse.GetValue(consolePort)))
            {
                return 2;
            }

            using var client = new ControllerApi(new Uri(parse.GetValue(api)!));
            await client.LoginAsync("admin", password).ConfigureAwait(false);
            await using var district = new LiveDistrict(client, report);
            int perCommunity = parse.GetValue(speakers);
            if (perCommunity < 1 || perCommunity > 500)
            {
                await Console.Error.WriteLineAsync("--speakers-per-community must be from 1 to 500").ConfigureAwait(false);
                return 2;
            }

            await district.BuildAsync(count, parse.GetValue(mqttHost)!, parse.GetValue(mqttPort), perCommunity).ConfigureAwait(false);
            if (!consoles.Open(district.Nodes, terminalNode))
            {
                return 2;
            }

            await report.WriteLineAsync("district ready: " + district.Sites.Count + " communities, " + district.Nodes.Count + " nodes; typhoon starting").ConfigureAwait(false);
            try
            {
                await district.RunAsync(parse.GetValue(minutes), parse.GetValue(speed), cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl+C ends the run.
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException)
            {
                // A controller too busy to answer (an HTTP timeout) ends the run with a clear word, not silently.
                await Console.Error.WriteLineAsync("the run stopped: the controller did not answer: " + ex.Message).ConfigureAwait(false);
                return 1;
            }

            return 0;
        });
        return command;
    }
}
