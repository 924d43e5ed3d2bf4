using System.Security.Claims;
using Tocsin.Controller.Alerts;

namespace Tocsin.Controller.Api;

/// <summary>Maps a signed-in API caller to the domain's <see cref="Actor"/>.</summary>
public static class ApiActors
{
    /// <summary>The actor for <paramref name="user"/>.</summary>
    public static Actor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string name = user.Identity?.Name ?? "unknown";
        OperatorRole role = user.FindFirstValue(ClaimTypes.Role) switch
        {
            Auth.OperatorRole.Admin => OperatorRole.Admin,
            Auth.OperatorRole.Approver => OperatorRole.Approver,
            _ => OperatorRole.Operator,
        };
        return new Actor(name, name, role);
    }
}
