using Tocsin.Simulator.Nodes;

namespace Tocsin.Simulator.Consoles;

/// <summary>
/// The virtual nodes whose serial consoles can be attached to, and which are attached now. A board
/// has one serial port and one cable: a node takes one console at a time, so two technicians never
/// type into the same line and steal each other's answers. Thread-safe: TCP sessions, the terminal
/// bridge and the district builder use it at once.
/// </summary>
public sealed class NodeConsoleRegistry
{
    private readonly object _gate = new();
    private readonly List<VirtualNode> _nodes = [];
    private readonly Dictionary<string, VirtualNode> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _owners = new(StringComparer.Ordinal);

    /// <summary>Number of nodes known.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>Makes <paramref name="nodes"/> attachable (a node already known is ignored).</summary>
    public void Add(IEnumerable<VirtualNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        lock (_gate)
        {
            foreach (VirtualNode node in nodes)
            {
                if (_byId.TryAdd(node.Id, node))
                {
                    _nodes.Add(node);
                }
            }
        }
    }

    /// <summary>True when a node has id <paramref name="nodeId"/>.</summary>
    public bool Contains(string nodeId)
    {
        lock (_gate)
        {
            return _byId.ContainsKey(nodeId);
        }
    }

    /// <summary>Attaches <paramref name="owner"/> to the node <paramref name="nodeId"/>, unless there is no such node or another console has it.</summary>
    /// <returns>The node, or null with <paramref name="error"/> saying why not.</returns>
    public VirtualNode? TryClaim(string nodeId, object owner, out string error)
    {
        ArgumentNullException.ThrowIfNull(owner);
        lock (_gate)
        {
            if (!_byId.TryGetValue(nodeId, out VirtualNode? node))
            {
                error = "no node '" + nodeId + "'; type 'nodes' to list them";
                return null;
            }

            if (_owners.TryGetValue(nodeId, out object? current) && !ReferenceEquals(current, owner))
            {
                error = "node '" + nodeId + "' already has a console attached (one cable per serial port); try again after it detaches";
                return null;
            }

            _owners[nodeId] = owner;
            error = string.Empty;
            return node;
        }
    }

    /// <summary>Detaches <paramref name="owner"/> from <paramref name="nodeId"/> (nothing if it was not attached there).</summary>
    public void Release(string nodeId, object owner)
    {
        lock (_gate)
        {
            if (_owners.TryGetValue(nodeId, out object? current) && ReferenceEquals(current, owner))
            {
                _owners.Remove(nodeId);
            }
        }
    }

    /// <summary>One line per node whose id starts with <paramref name="idPrefix"/>: id, kind, power, whether a console is attached.</summary>
    public IReadOnlyList<string> Describe(string idPrefix)
    {
        lock (_gate)
        {
            int width = _nodes.Count == 0 ? 0 : _nodes.Max(n => n.Id.Length);
            return _nodes
                .Where(n => n.Id.StartsWith(idPrefix, StringComparison.Ordinal))
                .Select(n => n.Id.PadRight(width) + "  " + Kind(n).PadRight(9) + "  " + (n.IsPowered ? "powered" : "off") + (_owners.ContainsKey(n.Id) ? "  (console attached)" : string.Empty))
                .ToArray();
        }
    }

    /// <summary>"sensor" or "broadcast", as the controller names node kinds.</summary>
    public static string Kind(VirtualNode node) => node switch
    {
        VirtualSensorNode => "sensor",
        VirtualBroadcastNode => "broadcast",
        _ => node.GetType().Name,
    };
}
