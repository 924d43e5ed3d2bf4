using System.Security.Claims;
using Tocsin.Controller.Engine;

namespace Tocsin.Controller.Api;

/// <summary>Node health, operator alarms, the district scorecard and the controller's own counters.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/health/nodes", async (ControllerEngine engine) => Results.Ok(await engine.Run(engine.Health).ConfigureAwait(false)))
            .RequireAuthorization().WithTags("health").WithSummary("Per-node connectivity, faults and battery trend");
        app.MapGet("/api/alarms", async (ControllerEngine engine) => Results.Ok(await engine.Run(engine.Alarms).ConfigureAwait(false)))
            .RequireAuthorization().WithTags("health").WithSummary("Open operator alarms");
        app.MapPost("/api/alarms/{id:long}/ack", async (long id, ClaimsPrincipal user, ControllerEngine engine) =>
        {
            var ack = await engine.Run(() => engine.Acknowledge(id, ApiActors.From(user))).ConfigureAwait(false);
            return ack.Succeeded ? Results.Ok(ack.Alarm) : ProblemResults.Conflict(ack.Refusal ?? "cannot acknowledge");
        }).RequireAuthorization().WithTags("health").WithSummary("Acknowledge an alarm (stops its repeats)");
        app.MapGet("/api/reports/district", async (string? alert, ControllerEngine engine) =>
            await engine.Run(() => engine.Scorecard(alert, null)).ConfigureAwait(false) is { } s ? Results.Ok(s) : ProblemResults.NotFound("no region map loaded"))
            .RequireAuthorization().WithTags("reports").WithSummary("District figures against the plan: terminal coverage (90%), warning reach (92%), reports on time (100%)");
        app.MapGet("/api/status", (ControllerEngine engine) => Results.Ok(new { received = engine.Received, malformed = engine.Malformed, droppedInbound = engine.DroppedInbound }))
            .RequireAuthorization().WithTags("health").WithSummary("Controller counters");
    }
}
