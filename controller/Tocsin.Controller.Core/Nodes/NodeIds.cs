namespace Tocsin.Controller.Nodes;

/// <summary>
/// Node ids: <c>^(bn|sn)-[a-z0-9-]{1,28}$</c>, the prefix matching the kind. At most 31 characters,
/// within the firmware's 32 for <c>node.id</c>; the id is also the broker user name and a topic segment.
/// </summary>
public static class NodeIds
{
    /// <summary>Longest node id.</summary>
    public const int MaxLength = 31;

    /// <summary>True when <paramref name="id"/> has the node id shape (either kind).</summary>
    public static bool IsValid(string? id) => IsValid(id, NodeKind.Sensor) || IsValid(id, NodeKind.Broadcast);

    /// <summary>True when <paramref name="id"/> is a valid id for a node of <paramref name="kind"/>.</summary>
    public static bool IsValid(string? id, NodeKind kind)
    {
        // Checked in place, without building "sn-" or "bn-": every publish of every node comes here.
        string prefix = NodeKinds.IdPrefix(kind);
        if (id == null || id.Length <= prefix.Length + 1 || id.Length > MaxLength || !id.StartsWith(prefix, StringComparison.Ordinal) || id[prefix.Length] != '-')
        {
            return false;
        }

        for (int i = prefix.Length + 1; i < id.Length; i++)
        {
            char c = id[i];
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
