using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tocsin.Controller.Cli.Client;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Hosting;

namespace Tocsin.Controller.Cli;

/// <summary>The <c>tocsin-controller</c> command line: <c>serve</c>, and operations against a running controller.</summary>
public static class ControllerCli
{
    /// <summary>Parses and runs; returns the exit code: 0 done, 1 refused by the controller, 2 usage or input error, 3 controller unreachable.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ParseResult parse = CreateRootCommand().Parse(args);
        int code = await parse.InvokeAsync().ConfigureAwait(false);
        // Usage errors (System.CommandLine reports them with 1) are 2, so that 1 means "the controller refused".
        return parse.Errors.Count > 0 ? ClientCommand.InputError : code;
    }

    /// <summary>Every command and option, for parsing (a test checks the service unit's command line against it).</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Tocsin controller: MQTT broker, storage, warning rules, alerts and fan-out, REST API.");
        root.Subcommands.Add(ServeCommand());
        var common = new ClientOptions();
        foreach (Command command in SessionCommands.Create(common))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(NodeCommands.Create(common));
        root.Subcommands.Add(RegionCommands.Create(common));
        root.Subcommands.Add(AlertCommands.Create(common));
        root.Subcommands.Add(AlarmCommands.Create(common));
        root.Subcommands.Add(ReportCommands.Report(common));
        root.Subcommands.Add(ReportCommands.Audit(common));
        return root;
    }

    private static Command ServeCommand()
    {
        var data = new Option<string>("--data") { Description = "directory for the SQLite file", DefaultValueFactory = _ => "tocsin-data" };
        var database = new Option<string>("--database") { Description = "sqlite (a file in --data) or postgres (connection string in TOCSIN_POSTGRES)", DefaultValueFactory = _ => "sqlite" };
        database.AcceptOnlyFromAmong("sqlite", "postgres");
        var http = new Option<string>("--http") { Description = "HTTP API address", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var broker = new Option<string>("--broker") { Description = "embedded (MQTTnet in process) or external (e.g. Mosquitto)", DefaultValueFactory = _ => "embedded" };
        broker.AcceptOnlyFromAmong("embedded", "external");
        var mqttBind = new Option<string>("--mqtt-bind") { Description = "embedded broker bind address", DefaultValueFactory = _ => "127.0.0.1" };
        var mqttPort = new Option<int>("--mqtt-port") { Description = "embedded broker port", DefaultValueFactory = _ => 1883 };
        var externalHost = new Option<string>("--external-host") { Description = "external broker host", DefaultValueFactory = _ => "127.0.0.1" };
        var externalPort = new Option<int>("--external-port") { Description = "external broker port", DefaultValueFactory = _ => 1883 };
        var regions = new Option<string?>("--regions") { Description = "region file to load at start" };
        var rules = new Option<string?>("--rules") { Description = "warning rule file to load at start" };
        var command = new Command("serve", "Run the controller (broker, storage, API).")
        {
            data, database, http, broker, mqttBind, mqttPort, externalHost, externalPort, regions, rules,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(mqttBind), out IPAddress? bind))
            {
                await Console.Error.WriteLineAsync("--mqtt-bind: not an IP address: " + parse.GetValue(mqttBind)).ConfigureAwait(false);
                return 2;
            }

            var options = new ControllerOptions
            {
                DataDirectory = parse.GetValue(data)!,
                Database = parse.GetValue(database)!,
                PostgresConnectionString = Environment.GetEnvironmentVariable("TOCSIN_POSTGRES"),
                HttpUrl = parse.GetValue(http)!,
                Broker = parse.GetValue(broker)!,
                MqttBindAddress = bind,
                MqttPort = parse.GetValue(mqttPort),
                ExternalHost = parse.GetValue(externalHost)!,
                ExternalPort = parse.GetValue(externalPort),
                ExternalPassword = Environment.GetEnvironmentVariable("TOCSIN_EXTERNAL_PASSWORD"),
                RegionFile = parse.GetValue(regions),
                RulesFile = parse.GetValue(rules),
                BootstrapAdminPassword = Environment.GetEnvironmentVariable("TOCSIN_ADMIN_PASSWORD"),
            };
            try
            {
                WebApplication app = ControllerHost.Build(options);
                await Console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "tocsin controller: API {0}, MQTT {1}:{2}, data {3}", options.HttpUrl, options.MqttBindAddress, options.MqttPort, options.StorageDescription)).ConfigureAwait(false);
                // Resolved now: RunAsync disposes the host when it returns.
                ControllerEngine engine = app.Services.GetRequiredService<ControllerEngine>();
                await app.RunAsync(cancellation).ConfigureAwait(false);
                if (engine.ExecuteTask is { IsFaulted: true, Exception: { } failure })
                {
                    // The engine stopped the controller (its database refused a round): a supervisor
                    // restarting on failure brings it back, and nodes resend what was not acknowledged.
                    await Console.Error.WriteLineAsync("tocsin-controller: stopped: the engine failed: " + failure.GetBaseException().Message).ConfigureAwait(false);
                    return 1;
                }

                return 0;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException
                or MQTTnet.Exceptions.MqttCommunicationException or System.Net.Sockets.SocketException)
            {
                // Bad region or rule files, an unreachable external broker, a taken port: say what, not a stack trace.
                await Console.Error.WriteLineAsync("tocsin-controller: cannot start: " + ex.Message).ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }
}
