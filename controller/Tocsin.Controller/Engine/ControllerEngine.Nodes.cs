using Tocsin.Controller.FanOut;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Validation;

namespace Tocsin.Controller.Engine;

/// <summary>Node registry operations (run on the engine loop).</summary>
public sealed partial class ControllerEngine
{
    /// <summary>Every registered node.</summary>
    public IReadOnlyList<StoredNode> Nodes() => _nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();

    /// <summary>Registers a node; returns it, or the validation errors.</summary>
    public (StoredNode? Node, IReadOnlyList<ValidationError> Errors) Register(NodeRegistration registration, IReadOnlyList<string> heardSensors, string actor)
    {
        if (_map == null)
        {
            return (null, [new ValidationError("$", "no region map loaded: start the controller with --regions")]);
        }

        // The registrar needs only a node with the same id and the community's nodes, not all ten thousand
        // (a scan of every record per registration made registering a 10,000-node district quadratic).
        var related = new List<NodeRecord>();
        if (_records.TryGetValue(registration.Id ?? string.Empty, out NodeRecord? same))
        {
            related.Add(same);
        }

        if (registration.CommunityId != null && _recordsByCommunity.TryGetValue(registration.CommunityId, out Dictionary<string, NodeRecord>? members))
        {
            related.AddRange(members.Values.Where(n => n.Id != registration.Id));
        }

        NodeRegistrationResult result = NodeRegistrar.Register(registration, _map, related, _time.GetUtcNow());
        if (!result.Succeeded)
        {
            return (null, result.Errors);
        }

        foreach (string sensor in heardSensors)
        {
            if (!_nodes.TryGetValue(sensor, out StoredNode? s) || s.Kind != "sensor")
            {
                return (null, [new ValidationError("$.heardSensors", "'" + sensor + "' is not a registered sensor node")]);
            }
        }

        NodeRecord record = result.Node;
        NodeSecrets secrets = NodeSecrets.Generate();
        var stored = new StoredNode(record.Id, NodeKinds.ToText(record.Kind), record.CommunityId, record.Location?.Latitude, record.Location?.Longitude,
            record.Description, record.CoveredPopulation, secrets.CommandKey, MosquittoPasswordHash.Create(secrets.MqttPassword), heardSensors, false, record.CreatedAt);
        _nodeStore.Insert(stored);
        PutNode(stored);
        _audit.Append(actor, "node-register", "node:" + stored.Id, stored.Kind + " in " + stored.Community);
        return (stored, []);
    }

    /// <summary>
    /// Issues a provisioning bundle: a fresh broker password (the old one stops working) and, when
    /// asked, a fresh command key. The password exists only in the bundle returned.
    /// </summary>
    public (string? Bundle, IReadOnlyList<ValidationError> Errors) IssueBundle(string nodeId, NetworkSettings network, bool rotateKey, string actor)
    {
        if (!_nodes.TryGetValue(nodeId, out StoredNode? node))
        {
            return (null, [new ValidationError("$.node", "unknown node '" + nodeId + "'")]);
        }

        if (node.Revoked)
        {
            return (null, [new ValidationError("$.node", "node '" + nodeId + "' is revoked")]);
        }

        NodeSecrets generated = NodeSecrets.Generate();
        var secrets = new NodeSecrets(rotateKey ? generated.CommandKey : node.CommandKey, generated.MqttPassword);
        ProvisioningBundleResult bundle = ProvisioningBundle.Create(ProvisioningSettings.For(_records[node.Id], secrets, network));
        if (!bundle.Succeeded)
        {
            return (null, bundle.Errors);
        }

        StoredNode updated = node with { CommandKey = secrets.CommandKey, PasswordHash = MosquittoPasswordHash.Create(secrets.MqttPassword) };
        _nodeStore.UpdateSecrets(nodeId, updated.CommandKey, updated.PasswordHash);
        PutNode(updated);
        _audit.Append(actor, "node-bundle", "node:" + nodeId, rotateKey ? "new password and key" : "new password");
        return (bundle.Bundle, []);
    }

    /// <summary>Revokes a node: the broker refuses it from now on.</summary>
    public bool Revoke(string nodeId, string actor)
    {
        if (!_nodes.TryGetValue(nodeId, out StoredNode? node))
        {
            return false;
        }

        StoredNode revoked = node with { Revoked = true };
        _nodeStore.Revoke(nodeId);
        PutNode(revoked);
        _audit.Append(actor, "node-revoke", "node:" + nodeId);
        return true;
    }

    private void PutNode(StoredNode node)
    {
        // The record first: a stored node it cannot read must not leave the two maps out of step.
        NodeRecord record = ToRecord(node);
        if (_records.TryGetValue(node.Id, out NodeRecord? previous) && previous.CommunityId != record.CommunityId)
        {
            _recordsByCommunity[previous.CommunityId].Remove(node.Id);
        }

        if (!_recordsByCommunity.TryGetValue(record.CommunityId, out Dictionary<string, NodeRecord>? members))
        {
            _recordsByCommunity[record.CommunityId] = members = new Dictionary<string, NodeRecord>(StringComparer.Ordinal);
        }

        members[node.Id] = record;
        _nodes[node.Id] = node;
        _records[node.Id] = record;
        _recordsVersion++;
        _directory.Put(node);
    }

    private static NodeRecord ToRecord(StoredNode n)
    {
        NodeKind kind = NodeKinds.TryParse(n.Kind, out NodeKind parsed) ? parsed : throw new InvalidOperationException("stored node " + n.Id + " has unknown kind '" + n.Kind + "'");
        GeoPoint? location = n.Latitude.HasValue && n.Longitude.HasValue ? new GeoPoint(n.Latitude.Value, n.Longitude.Value) : null;
        return new NodeRecord(n.Id, kind, n.Community, location, n.Description, n.CoveredPopulation, n.Revoked, n.CreatedUtc);
    }

    private IEnumerable<KeyedNode> KeyedSpeakers() =>
        _nodes.Values.Where(n => n.Kind == "broadcast" && !n.Revoked).Select(n => new KeyedNode(_records[n.Id], n.CommandKey));
}
