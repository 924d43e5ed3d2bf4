using System.Security.Claims;
using Tocsin.Controller.Auth;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Api;

/// <summary>Sign-in, sign-out, who am I, and operator management.</summary>
public static class AuthEndpoints
{
    /// <summary>Login request.</summary>
    public sealed record LoginRequest(string? Name, string? Password);

    /// <summary>Login answer: the bearer token and when it expires.</summary>
    public sealed record LoginResponse(string Token, string Name, string Role, DateTimeOffset ExpiresUtc);

    /// <summary>New operator.</summary>
    public sealed record OperatorRequest(string? Name, string? Role, string? Password);

    /// <summary>Maps the endpoints.</summary>
    public static void Map(WebApplication app)
    {
        RouteGroupBuilder auth = app.MapGroup("/api/auth").WithTags("auth");
        auth.MapPost("/login", (LoginRequest request, IOperatorStore operators, IAuditLog audit) =>
        {
            if (string.IsNullOrEmpty(request.Name) || string.IsNullOrEmpty(request.Password))
            {
                return ProblemResults.BadRequest("name and password are required");
            }

            var signedIn = operators.SignIn(request.Name, request.Password);
            if (signedIn == null)
            {
                audit.Append(request.Name, "login-refused", "operator:" + request.Name);
                return ProblemResults.Unauthorized("wrong name or password");
            }

            audit.Append(request.Name, "login", "operator:" + request.Name);
            var (token, session) = signedIn.Value;
            return Results.Ok(new LoginResponse(token, session.Name, session.Role, session.ExpiresUtc));
        }).AllowAnonymous().WithSummary("Sign in; returns a bearer token valid for 12 hours");

        auth.MapPost("/logout", (HttpContext http, IOperatorStore operators) =>
        {
            string? header = http.Request.Headers.Authorization;
            operators.SignOut(header!["Bearer ".Length..].Trim());
            return Results.NoContent();
        }).RequireAuthorization().WithSummary("End this token's session");

        auth.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new { name = user.Identity!.Name, role = user.FindFirstValue(ClaimTypes.Role) }))
            .RequireAuthorization().WithSummary("The signed-in operator");

        app.MapPost("/api/operators", (OperatorRequest request, ClaimsPrincipal user, IOperatorStore operators, IAuditLog audit) =>
        {
            string? error = operators.Add(request.Name ?? string.Empty, request.Role ?? string.Empty, request.Password ?? string.Empty);
            if (error != null)
            {
                return error.Contains("already exists", StringComparison.Ordinal) ? ProblemResults.Conflict(error) : ProblemResults.BadRequest(error);
            }

            audit.Append(user.Identity!.Name!, "operator-add", "operator:" + request.Name, request.Role!);
            return Results.Created("/api/operators/" + request.Name, new { name = request.Name, role = request.Role });
        }).RequireAuthorization(p => p.RequireRole(OperatorRole.Admin)).WithTags("auth").WithSummary("Add an operator (admin)");

        app.MapGet("/api/audit", (int? limit, string? subject, IAuditLog audit) => Results.Ok(audit.Recent(limit ?? 100, subject)))
            .RequireAuthorization(p => p.RequireRole(OperatorRole.AtLeast(OperatorRole.Approver))).WithTags("audit").WithSummary("Recent audit entries");
    }
}
