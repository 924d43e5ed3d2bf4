namespace Tocsin.Controller.Storage;

/// <summary>The node registry: identities, places and secrets of registered nodes.</summary>
public interface INodeStore
{
    /// <summary>Inserts a node; false when the id is taken.</summary>
    bool Insert(StoredNode node);

    /// <summary>Replaces the password hash and key (re-provisioning) and lifts a revocation; false when unknown.</summary>
    bool UpdateSecrets(string id, byte[] commandKey, string passwordHash);

    /// <summary>Marks a node revoked; false when unknown.</summary>
    bool Revoke(string id);

    /// <summary>Every node, ordered by id.</summary>
    IReadOnlyList<StoredNode> All();
}
