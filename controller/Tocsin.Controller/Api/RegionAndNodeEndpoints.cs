using System.Security.Claims;
using Tocsin.Controller.Auth;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Api;

/// <summary>Regions, nodes (register, provisioning bundle, revoke, state, time series).</summary>
public static class RegionAndNodeEndpoints
{
    /// <summary>Node registration request.</summary>
    public sealed record RegisterNodeRequest(string? Id, string? Kind, string? Community, double? Latitude, double? Longitude, string? Description, int? CoveredPopulation, string[]? HeardSensors);

    /// <summary>Provisioning bundle request: the network the node joins.</summary>
    public sealed record BundleRequest(string? WifiSsid, string? WifiPassword, string? MqttHost, int? MqttPort, bool? MqttTls, bool? RotateKey);

    /// <summary>A node as the API shows it (no secrets).</summary>
    public sealed record NodeView(string Id, string Kind, string Community, double? Latitude, double? Longitude, string Description, int CoveredPopulation, IReadOnlyList<string> HeardSensors, bool Revoked, DateTimeOffset CreatedUtc);

    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/regions", (ControllerEngine engine) =>
        {
            var map = engine.Map;
            return map == null ? ProblemResults.NotFound("no region map loaded: start the controller with --regions") : Results.Ok(new
            {
                district = map.District.Id,
                name = map.District.Name,
                sample = map.IsSample,
                note = map.Note,
                population = map.Population,
                streets = map.District.Streets.Select(s => new
                {
                    id = s.Id,
                    name = s.Name,
                    population = map.PopulationOfStreet(s.Id),
                    communities = s.Communities.Select(c => new { id = c.Id, name = c.Name, population = c.Population }),
                }),
            });
        }).RequireAuthorization().WithTags("regions").WithSummary("District, streets and communities with populations");

        RouteGroupBuilder nodes = app.MapGroup("/api/nodes").WithTags("nodes");
        nodes.MapGet("/", async (ControllerEngine engine) => Results.Ok((await engine.Run(engine.Nodes).ConfigureAwait(false)).Select(View)))
            .RequireAuthorization().WithSummary("Registered nodes");

        nodes.MapPost("/", async (RegisterNodeRequest request, ClaimsPrincipal user, ControllerEngine engine) =>
        {
            if (!NodeKinds.TryParse(request.Kind, out NodeKind kind))
            {
                return ProblemResults.BadRequest("kind must be 'sensor' or 'broadcast'");
            }

            if (request.Latitude.HasValue != request.Longitude.HasValue)
            {
                return ProblemResults.BadRequest("give both latitude and longitude, or neither");
            }

            GeoPoint? location = request.Latitude.HasValue ? new GeoPoint(request.Latitude.Value, request.Longitude!.Value) : null;
            var registration = new NodeRegistration(request.Id ?? string.Empty, kind, request.Community ?? string.Empty, location, request.Description, request.CoveredPopulation ?? 0);
            var (node, errors) = await engine.Run(() => engine.Register(registration, request.HeardSensors ?? [], user.Identity!.Name!)).ConfigureAwait(false);
            return node == null ? ProblemResults.BadRequest(string.Join("; ", errors)) : Results.Created("/api/nodes/" + node.Id, View(node));
        }).RequireAuthorization(p => p.RequireRole(OperatorRole.Admin)).WithSummary("Register a node (admin)");

        nodes.MapPost("/{id}/bundle", async (string id, BundleRequest request, ClaimsPrincipal user, ControllerEngine engine) =>
        {
            if (string.IsNullOrEmpty(request.WifiSsid) || request.WifiPassword == null || string.IsNullOrEmpty(request.MqttHost))
            {
                return ProblemResults.BadRequest("wifiSsid, wifiPassword and mqttHost are required");
            }

            var network = new NetworkSettings(request.WifiSsid, request.WifiPassword, request.MqttHost, request.MqttPort ?? 1883, request.MqttTls ?? false);
            var (bundle, errors) = await engine.Run(() => engine.IssueBundle(id, network, request.RotateKey ?? false, user.Identity!.Name!)).ConfigureAwait(false);
            return bundle == null
                ? (errors.Any(e => e.Message.StartsWith("unknown node", StringComparison.Ordinal)) ? ProblemResults.NotFound(string.Join("; ", errors)) : ProblemResults.BadRequest(string.Join("; ", errors)))
                : Results.Ok(new { node = id, bundle, consoleLine = ProvisioningBundle.ConsoleCommand + bundle, note = "the broker password in this bundle replaces the node's previous one" });
        }).RequireAuthorization(p => p.RequireRole(OperatorRole.Admin)).WithSummary("Issue a provisioning bundle for the node's 'provision' console command (admin)");

        nodes.MapPost("/{id}/revoke", async (string id, ClaimsPrincipal user, ControllerEngine engine) =>
            await engine.Run(() => engine.Revoke(id, user.Identity!.Name!)).ConfigureAwait(false) ? Results.NoContent() : ProblemResults.NotFound("unknown node '" + id + "'"))
            .RequireAuthorization(p => p.RequireRole(OperatorRole.Admin)).WithSummary("Revoke a node: the broker refuses it from now on (admin)");

        nodes.MapGet("/state", (IMessageStore messages) => Results.Ok(messages.States()))
            .RequireAuthorization().WithSummary("State of every node (last status, heartbeat and report; up to one snapshot interval behind, status changes at once)");

        nodes.MapGet("/{id}/series", (string id, string? stream, long? from, long? to, int? limit, IMessageStore messages) =>
        {
            string s = stream ?? "report";
            if (s is not ("report" or "event" or "result"))
            {
                return ProblemResults.BadRequest("stream must be report, event or result");
            }

            return Results.Ok(messages.Series(id, s, from ?? 0, to ?? long.MaxValue, limit ?? 1000));
        }).RequireAuthorization().WithSummary("A node's stored messages of one stream in a time range (UTC ms)");
    }

    private static NodeView View(StoredNode n) =>
        new(n.Id, n.Kind, n.Community, n.Latitude, n.Longitude, n.Description, n.CoveredPopulation, n.HeardSensors, n.Revoked, n.CreatedUtc);
}
