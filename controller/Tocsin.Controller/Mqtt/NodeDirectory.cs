using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Mqtt;

/// <summary>
/// The broker's view of the node registry: who may connect and what each node may touch
/// (delegating topic rules to the domain's <see cref="TopicAcl"/>). Updated by the engine when
/// nodes are registered, re-provisioned or revoked. A password that verified once is remembered
/// as a SHA-256 so ten thousand nodes reconnecting after a broker restart cost one PBKDF2 each.
/// </summary>
public sealed class NodeDirectory : INodeAuthenticator
{
    private readonly ConcurrentDictionary<string, StoredNode> _nodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _verified = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a node (registration, new secrets, revocation).</summary>
    public void Put(StoredNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _nodes[node.Id] = node;
        _verified.TryRemove(node.Id, out _);
    }

    /// <inheritdoc />
    public NodeIdentity? Authenticate(string clientId, string? userName, string? password, out string reason)
    {
        if (string.IsNullOrEmpty(clientId) || clientId != userName)
        {
            reason = "client id must equal the user name";
            return null;
        }

        if (!_nodes.TryGetValue(clientId, out StoredNode? node))
        {
            reason = "unknown node";
            return null;
        }

        if (node.Revoked)
        {
            reason = "node revoked";
            return null;
        }

        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(password ?? string.Empty));
        bool known = _verified.TryGetValue(clientId, out byte[]? cached) && CryptographicOperations.FixedTimeEquals(cached, digest);
        if (!known && !MosquittoPasswordHash.Verify(password, node.PasswordHash))
        {
            reason = "wrong password";
            return null;
        }

        _verified[clientId] = digest;
        reason = string.Empty;
        return new NodeIdentity(node.Id, node.Community, node.Kind == "broadcast", node.HeardSensors.ToHashSet(StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public bool MayPublish(NodeIdentity node, string topic)
    {
        ArgumentNullException.ThrowIfNull(node);
        return TopicAcl.MayPublish(node.NodeId, topic);
    }

    /// <inheritdoc />
    public bool MaySubscribe(NodeIdentity node, string filter)
    {
        ArgumentNullException.ThrowIfNull(node);
        return TopicAcl.MaySubscribe(new NodeAclProfile(node.NodeId, node.Community, node.HeardSensors), filter);
    }
}
