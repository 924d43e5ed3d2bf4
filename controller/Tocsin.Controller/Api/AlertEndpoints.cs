using System.Security.Claims;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Engine;

namespace Tocsin.Controller.Api;

/// <summary>Alerts: create, submit, approve, dispatch, update, cancel, all-clear; deliveries and coverage.</summary>
public static class AlertEndpoints
{
    /// <summary>An update's request body.</summary>
    public sealed record UpdateRequest(string? Level, string? Title, string? Text, int[]? Clips, int? ExpiresInMinutes);

    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        RouteGroupBuilder alerts = app.MapGroup("/api/alerts").WithTags("alerts").RequireAuthorization();
        alerts.MapGet("/", async (ControllerEngine engine) => Results.Ok(await engine.Run(engine.Alerts).ConfigureAwait(false)))
            .WithSummary("All alerts, newest first");
        alerts.MapGet("/{id}", async (string id, ControllerEngine engine) =>
            await engine.Run(() => engine.FindAlert(id)).ConfigureAwait(false) is { } a ? Results.Ok(a) : ProblemResults.NotFound("no alert '" + id + "'"))
            .WithSummary("One alert");

        alerts.MapPost("/", async (AlertRequest request, ClaimsPrincipal user, ControllerEngine engine, TimeProvider time) =>
        {
            string? error = AlertRequests.TryBuild(request, time.GetUtcNow(), out Func<string, AlertDraft>? draft);
            if (error != null)
            {
                return ProblemResults.BadRequest(error);
            }

            AlertTransition t = await engine.Run(() => engine.CreateAlert(draft!, ApiActors.From(user))).ConfigureAwait(false);
            return Answer(t, created: true);
        }).WithSummary("Create an alert (a draft; cancel is always one action away)");

        foreach ((string verb, AlertAction action) in new[]
        {
            ("submit", AlertAction.Submit), ("approve", AlertAction.Approve), ("dispatch", AlertAction.Dispatch),
            ("cancel", AlertAction.Cancel), ("allclear", AlertAction.AllClear),
        })
        {
            alerts.MapPost("/{id}/" + verb, async (string id, ClaimsPrincipal user, ControllerEngine engine, CancellationToken ct) =>
            {
                try
                {
                    AlertTransition t = await engine.RunAsync(() => engine.ActAsync(id, action, ApiActors.From(user), ct)).ConfigureAwait(false);
                    return Answer(t, created: false);
                }
                catch (KeyNotFoundException ex)
                {
                    return ProblemResults.NotFound(ex.Message);
                }
            }).WithSummary(verb + " the alert");
        }

        alerts.MapPost("/{id}/update", async (string id, UpdateRequest request, ClaimsPrincipal user, ControllerEngine engine, TimeProvider time, CancellationToken ct) =>
        {
            string? error = AlertRequests.TryBuildUpdate(request.Level, request.Title, request.Text, request.Clips, request.ExpiresInMinutes, time.GetUtcNow(), out AlertUpdate? update);
            if (error != null)
            {
                return ProblemResults.BadRequest(error);
            }

            try
            {
                return Answer(await engine.RunAsync(() => engine.UpdateAsync(id, update!, ApiActors.From(user), ct)).ConfigureAwait(false), created: false);
            }
            catch (KeyNotFoundException ex)
            {
                return ProblemResults.NotFound(ex.Message);
            }
        }).WithSummary("Change level, message or expiry; re-sends to the same speakers");

        alerts.MapGet("/{id}/deliveries", async (string id, ControllerEngine engine) => Results.Ok(await engine.Run(() => engine.Deliveries(id)).ConfigureAwait(false)))
            .WithSummary("Per-speaker results");
        alerts.MapGet("/{id}/coverage", async (string id, long? deadline, ControllerEngine engine) =>
        {
            DateTimeOffset? at = deadline.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(deadline.Value) : null;
            return await engine.Run(() => engine.Coverage(id, at)).ConfigureAwait(false) is { } c ? Results.Ok(c) : ProblemResults.NotFound("no alert '" + id + "'");
        }).WithSummary("Population reached per community, street and district; silent and failed speakers");
    }

    private static IResult Answer(AlertTransition t, bool created)
    {
        if (t.Succeeded)
        {
            return created ? Results.Created("/api/alerts/" + t.Alert.Id, t.Alert) : Results.Ok(t.Alert);
        }

        string detail = t.Reason + (t.Errors.Count > 0 ? ": " + string.Join("; ", t.Errors) : string.Empty);
        return t.Refusal switch
        {
            RefusalCode.InvalidInput => ProblemResults.BadRequest(detail),
            RefusalCode.ApprovalRequired or RefusalCode.RoleNotAllowed or RefusalCode.SamePerson => ProblemResults.Forbidden(detail),
            _ => ProblemResults.Conflict(detail),
        };
    }
}
