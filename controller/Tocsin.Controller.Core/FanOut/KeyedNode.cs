using Tocsin.Controller.Nodes;

namespace Tocsin.Controller.FanOut;

/// <summary>A registered node with its 32-byte command key, as the fan-out signs for it.</summary>
/// <param name="Node">The node record.</param>
/// <param name="CommandKey">Its command key.</param>
public sealed record KeyedNode(NodeRecord Node, byte[] CommandKey)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => "KeyedNode { Node = " + Node.Id + ", CommandKey = (hidden) }";
}
