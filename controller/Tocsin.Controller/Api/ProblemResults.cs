namespace Tocsin.Controller.Api;

/// <summary>Problem details (RFC 9457) with a clear message, for every refused API request.</summary>
public static class ProblemResults
{
    /// <summary>400: the request itself is wrong; <paramref name="detail"/> names what.</summary>
    public static IResult BadRequest(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    /// <summary>404: the named thing does not exist.</summary>
    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>409: the request conflicts with the current state (e.g. an alert already dispatched).</summary>
    public static IResult Conflict(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>403: signed in, but this role may not do this.</summary>
    public static IResult Forbidden(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    /// <summary>401: not signed in or the credentials are wrong.</summary>
    public static IResult Unauthorized(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
