using Tocsin.Controller.Mqtt;
using Xunit;

namespace Tocsin.Controller.Tests.Mqtt;

public sealed class TopicsTests
{
    [Fact]
    public void Topics_are_built_as_the_firmware_builds_them()
    {
        Assert.Equal("tocsin/v1/node/bn-1/status", Topics.Node("bn-1", Topics.StatusLeaf));
        Assert.Equal("tocsin/v1/area/c1/cmd", Topics.AreaCommand("c1"));
        Assert.Equal("tocsin/v1/node/bn-1/cmd", Topics.NodeCommand("bn-1"));
        Assert.Equal("tocsin/v1/node/bn-1/ack", Topics.NodeAck("bn-1"));
        Assert.True(Topics.IsCommandTopic("tocsin/v1/area/c1/cmd"));
        Assert.False(Topics.IsCommandTopic("tocsin/v1/node/bn-1/ack"));
    }

    [Fact]
    public void Node_and_area_topics_parse_back()
    {
        Assert.True(Topics.TryParseNodeTopic("tocsin/v1/node/sn-3/report", out string? node, out string? leaf));
        Assert.Equal(("sn-3", "report"), (node, leaf));
        Assert.False(Topics.TryParseNodeTopic("tocsin/v1/node/sn-3/report/x", out _, out _));
        Assert.False(Topics.TryParseNodeTopic("tocsin/v1/node//report", out _, out _));
        Assert.False(Topics.TryParseNodeTopic("tocsin/v1/node/sn-3/", out _, out _));
        Assert.False(Topics.TryParseNodeTopic("tocsin/v1/node/sn-3", out _, out _));
        foreach (string known in new[] { "hb", "report", "event", "result", "status", "ack", "cmd" })
        {
            Assert.True(Topics.TryParseNodeTopic("tocsin/v1/node/bn-1/" + known, out string? id, out string? parsed));
            Assert.Equal("bn-1", id);
            Assert.Same(string.IsInterned(known) ?? known, parsed);
        }

        Assert.Same("report", Topics.LeafOf("tocsin/v1/node/sn-3/report"));
        Assert.Equal("x", Topics.LeafOf("a/b/x"));
        Assert.True(Topics.TryParseNodeTopic("tocsin/v1/node/bn-1/other", out _, out string? other));
        Assert.Equal("other", other);
        Assert.True(Topics.TryParseAreaCommand("tocsin/v1/area/c1/cmd", out string? community));
        Assert.Equal("c1", community);
        Assert.False(Topics.TryParseAreaCommand("tocsin/v1/area/a/b/cmd", out _));
    }
}
