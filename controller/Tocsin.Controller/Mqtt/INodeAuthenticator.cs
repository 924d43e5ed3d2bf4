namespace Tocsin.Controller.Mqtt;

/// <summary>Decides who may connect to the broker and what each node may touch.</summary>
public interface INodeAuthenticator
{
    /// <summary>
    /// Checks a connecting client's credentials: the client id must equal the user name, the node
    /// must be registered and not revoked, and the password must match. Null means refuse;
    /// <paramref name="reason"/> says why (for the log, never for the client).
    /// </summary>
    NodeIdentity? Authenticate(string clientId, string? userName, string? password, out string reason);

    /// <summary>True when <paramref name="node"/> may publish to <paramref name="topic"/>.</summary>
    bool MayPublish(NodeIdentity node, string topic);

    /// <summary>True when <paramref name="node"/> may subscribe to <paramref name="filter"/>.</summary>
    bool MaySubscribe(NodeIdentity node, string filter);
}
