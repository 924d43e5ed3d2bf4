using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Tocsin.Controller.Cli.Client;

/// <summary><c>nodes list|register|bundle|revoke|state</c>.</summary>
public static class NodeCommands
{
    /// <summary>The <c>nodes</c> command group.</summary>
    public static Command Create(ClientOptions common)
    {
        var nodes = new Command("nodes", "Registered sensor and broadcast nodes.");
        nodes.Subcommands.Add(ClientCommand.Create("list", "Registered nodes.", common, async call =>
            await call.ShowAsync(await call.Api.GetAsync("/api/nodes", call.Cancellation).ConfigureAwait(false), List).ConfigureAwait(false)));
        nodes.Subcommands.Add(Register(common));
        nodes.Subcommands.Add(Bundle(common));

        var revokeId = new Argument<string>("id") { Description = "node id" };
        nodes.Subcommands.Add(ClientCommand.Create("revoke", "Revoke a node: the broker refuses it from now on (admin).", common, async call =>
        {
            string id = call.Value(revokeId)!;
            ApiAnswer answer = await call.Api.PostAsync("/api/nodes/" + Uri.EscapeDataString(id) + "/revoke", null, call.Cancellation).ConfigureAwait(false);
            return await call.ShowAsync(answer, _ => "revoked node " + id).ConfigureAwait(false);
        }, revokeId));

        nodes.Subcommands.Add(ClientCommand.Create("state", "Every node's connectivity, last message, faults and battery.", common, async call =>
        {
            ApiAnswer state = await call.Api.GetAsync("/api/nodes/state", call.Cancellation).ConfigureAwait(false);
            if (call.Json)
            {
                return await call.ShowAsync(state, _ => string.Empty).ConfigureAwait(false);
            }

            ApiAnswer health = await call.Api.GetAsync("/api/health/nodes", call.Cancellation).ConfigureAwait(false);
            return await call.ShowAsync(state, body => State(body, health.Body)).ConfigureAwait(false);
        }));
        return nodes;
    }

    private static Command Register(ClientOptions common)
    {
        var id = new Option<string>("--id") { Description = "node id, e.g. bn-kaiyuan-01-east", Required = true };
        var kind = new Option<string>("--kind") { Description = "sensor or broadcast", Required = true };
        var community = new Option<string>("--community") { Description = "community id from the region map", Required = true };
        var population = new Option<int?>("--covered-population") { Description = "residents a speaker covers (broadcast nodes)" };
        var lat = new Option<double?>("--lat") { Description = "latitude (WGS84)" };
        var lon = new Option<double?>("--lon") { Description = "longitude (WGS84)" };
        var description = new Option<string?>("--description") { Description = "where it is, for people" };
        var hears = new Option<string[]>("--hears") { Description = "sensor ids whose events this speaker acts on", AllowMultipleArgumentsPerToken = true };
        return ClientCommand.Create("register", "Register a node (admin).", common, async call =>
        {
            var request = new
            {
                id = call.Value(id),
                kind = call.Value(kind),
                community = call.Value(community),
                latitude = call.Value(lat),
                longitude = call.Value(lon),
                description = call.Value(description),
                coveredPopulation = call.Value(population),
                heardSensors = call.Value(hears),
            };
            ApiAnswer answer = await call.Api.PostAsync("/api/nodes", request, call.Cancellation).ConfigureAwait(false);
            return await call.ShowAsync(answer, n => string.Format(CultureInfo.InvariantCulture, "registered {0} node {1} in {2} (covers {3})",
                CliJson.Text(n, "kind"), CliJson.Text(n, "id"), CliJson.Text(n, "community"), CliJson.Text(n, "coveredPopulation"))).ConfigureAwait(false);
        }, id, kind, community, population, lat, lon, description, hears);
    }

    private static Command Bundle(ClientOptions common)
    {
        var id = new Argument<string>("id") { Description = "node id" };
        var ssid = new Option<string>("--wifi-ssid") { Description = "Wi-Fi network the node joins", Required = true };
        var passwordEnv = new Option<string>("--wifi-password-env") { Description = "name of the environment variable holding the Wi-Fi password (never on the command line)", Required = true };
        var host = new Option<string>("--mqtt-host") { Description = "broker host the node connects to", Required = true };
        var port = new Option<int?>("--mqtt-port") { Description = "broker port (default 1883)" };
        var tls = new Option<bool>("--tls") { Description = "connect to the broker over TLS" };
        var rotate = new Option<bool>("--rotate-key") { Description = "issue a new command key as well" };
        return ClientCommand.Create("bundle", "Issue a provisioning bundle and print the console line to paste into the node (admin).", common, async call =>
        {
            string variable = call.Value(passwordEnv)!;
            string wifiPassword = Environment.GetEnvironmentVariable(variable)
                ?? throw new CliInputException("--wifi-password-env: environment variable " + variable + " is not set");
            var request = new { wifiSsid = call.Value(ssid), wifiPassword, mqttHost = call.Value(host), mqttPort = call.Value(port), mqttTls = call.Value(tls), rotateKey = call.Value(rotate) };
            ApiAnswer answer = await call.Api.PostAsync("/api/nodes/" + Uri.EscapeDataString(call.Value(id)!) + "/bundle", request, call.Cancellation).ConfigureAwait(false);
            if (!call.Json && CliJson.Text(answer.Body, "note") is { Length: > 0 } note)
            {
                await Console.Error.WriteLineAsync("note: " + note).ConfigureAwait(false);
            }

            return await call.ShowAsync(answer, b => CliJson.Text(b, "consoleLine")).ConfigureAwait(false);
        }, id, ssid, passwordEnv, host, port, tls, rotate);
    }

    private static string List(JsonElement body)
    {
        var table = new TextTable("ID", "KIND", "COMMUNITY", "COVERS", "LOCATION", "HEARS", "REVOKED", "DESCRIPTION");
        foreach (JsonElement n in CliJson.Items(body))
        {
            string location = CliJson.Text(n, "latitude") is { Length: > 0 } la ? la + "," + CliJson.Text(n, "longitude") : string.Empty;
            table.Add(CliJson.Text(n, "id"), CliJson.Text(n, "kind"), CliJson.Text(n, "community"), CliJson.Text(n, "coveredPopulation"), location,
                CliJson.Text(n, "heardSensors"), CliJson.Text(n, "revoked"), CliJson.Text(n, "description"));
        }

        return table.Count == 0 ? "no nodes registered" : table.ToString();
    }

    private static string State(JsonElement states, JsonElement health)
    {
        Dictionary<string, JsonElement> byNode = CliJson.Items(health).ToDictionary(h => CliJson.Text(h, "nodeId"), StringComparer.Ordinal);
        var table = new TextTable("NODE", "ONLINE", "LAST SEEN", "LOST", "DUPLICATE", "FAULTS", "BATTERY mV", "OFFLINE CAUSE");
        foreach (JsonElement s in CliJson.Items(states))
        {
            string node = CliJson.Text(s, "node");
            JsonElement h = byNode.GetValueOrDefault(node);
            string seen = CliJson.Number(s, "lastSeenUtcMs") is double ms
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : "never";
            string cause = CliJson.Text(h, "connectivity") == "online" ? string.Empty : CliJson.Text(h, "offlineCause");
            table.Add(node, CliJson.Text(s, "online"), seen, CliJson.Text(s, "lostMessages"), CliJson.Text(s, "duplicateMessages"),
                CliJson.Text(h, "faults"), CliJson.Text(h, "batteryMv"), cause);
        }

        return table.Count == 0 ? "no node has reported yet" : table.ToString();
    }
}
