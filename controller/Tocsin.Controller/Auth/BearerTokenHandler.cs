using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Auth;

/// <summary>Signs in API callers by the bearer token <c>POST /api/auth/login</c> issued.</summary>
public sealed class BearerTokenHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Bearer";

    private readonly IOperatorStore _operators;

    /// <summary>Creates the handler.</summary>
    public BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOperatorStore operators)
        : base(options, logger, encoder)
    {
        _operators = operators;
    }

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header == null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        OperatorSession? session = _operators.Resolve(header["Bearer ".Length..].Trim());
        if (session == null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown or expired token"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, session.Name), new Claim(ClaimTypes.Role, session.Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
