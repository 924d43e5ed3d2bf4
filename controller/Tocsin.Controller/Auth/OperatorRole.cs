namespace Tocsin.Controller.Auth;

/// <summary>Operator roles; each includes what the one before may do.</summary>
public static class OperatorRole
{
    /// <summary>Creates alerts, dispatches those that need no second person, cancels.</summary>
    public const string Operator = "operator";

    /// <summary>Also approves alerts that need a second person.</summary>
    public const string Approver = "approver";

    /// <summary>Also registers nodes, exports provisioning bundles, manages operators and regions.</summary>
    public const string Admin = "admin";

    /// <summary>All roles.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, Approver, Admin];

    /// <summary>Roles that satisfy a requirement for <paramref name="role"/>.</summary>
    public static string[] AtLeast(string role) => role switch
    {
        Operator => [Operator, Approver, Admin],
        Approver => [Approver, Admin],
        _ => [Admin],
    };
}
