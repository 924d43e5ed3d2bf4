using Tocsin.Controller.Nodes;
using Xunit;

namespace Tocsin.Controller.Tests.Nodes;

/// <summary>The node id shape, prefix by prefix and character by character.</summary>
public sealed class NodeIdsTests
{
    [Theory]
    [InlineData("sn-1", NodeKind.Sensor, true)]
    [InlineData("sn-kaiyuan-01-a", NodeKind.Sensor, true)]
    [InlineData("bn-1", NodeKind.Broadcast, true)]
    [InlineData("bn-1", NodeKind.Sensor, false)]
    [InlineData("sn-1", NodeKind.Broadcast, false)]
    [InlineData("sn-", NodeKind.Sensor, false)]
    [InlineData("sn", NodeKind.Sensor, false)]
    [InlineData("s", NodeKind.Sensor, false)]
    [InlineData("", NodeKind.Sensor, false)]
    [InlineData(null, NodeKind.Sensor, false)]
    [InlineData("sn_1", NodeKind.Sensor, false)]
    [InlineData("snx1", NodeKind.Sensor, false)]
    [InlineData("Sn-1", NodeKind.Sensor, false)]
    [InlineData("sn-A", NodeKind.Sensor, false)]
    [InlineData("sn-a/b", NodeKind.Sensor, false)]
    [InlineData("sn-a b", NodeKind.Sensor, false)]
    [InlineData("sn-\u00e9", NodeKind.Sensor, false)]
    public void An_id_is_its_kinds_prefix_a_dash_and_lower_case_letters_digits_or_dashes(string? id, NodeKind kind, bool valid)
    {
        Assert.Equal(valid, NodeIds.IsValid(id, kind));
        Assert.Equal(valid || NodeIds.IsValid(id, kind == NodeKind.Sensor ? NodeKind.Broadcast : NodeKind.Sensor), NodeIds.IsValid(id));
    }

    [Fact]
    public void An_id_is_at_most_31_characters()
    {
        Assert.True(NodeIds.IsValid("sn-" + new string('a', 28)));
        Assert.False(NodeIds.IsValid("sn-" + new string('a', 29)));
    }
}
