using Tocsin.Controller.Mqtt;
using Xunit;

namespace Tocsin.Controller.Tests.Mqtt;

public sealed class TopicAclTests
{
    private static readonly NodeAclProfile Speaker = new("bn-0001", "kaiyuan-01", new HashSet<string> { "sn-0009" });

    [Theory]
    [InlineData("status")]
    [InlineData("hb")]
    [InlineData("report")]
    [InlineData("event")]
    [InlineData("result")]
    public void A_node_may_publish_its_own_five_topics(string leaf)
    {
        Assert.True(TopicAcl.MayPublish("bn-0001", "tocsin/v1/node/bn-0001/" + leaf));
    }

    [Theory]
    [InlineData("tocsin/v1/node/bn-0001/cmd")]
    [InlineData("tocsin/v1/node/bn-0001/ack")]
    [InlineData("tocsin/v1/node/bn-0002/status")]
    [InlineData("tocsin/v1/node/bn-0001/status/extra")]
    [InlineData("tocsin/v1/node/bn-00012/status")]
    [InlineData("tocsin/v1/node/bn-0001/statusx")]
    [InlineData("tocsin/v1/node/bn-0001/hb/")]
    [InlineData("tocsin/v1/node/bn-0001/")]
    [InlineData("tocsin/v1/area/kaiyuan-01/cmd")]
    [InlineData("tocsin/v1/node/bn-0001/+")]
    [InlineData("tocsin/v1/node/bn-0001/#")]
    [InlineData("$SYS/broker/load")]
    [InlineData("tocsin/v2/node/bn-0001/status")]
    [InlineData("other/topic")]
    [InlineData("")]
    public void A_node_may_publish_nothing_else(string topic)
    {
        AclDecision d = TopicAcl.CheckPublish("bn-0001", topic);
        Assert.False(d.Allowed);
        Assert.False(string.IsNullOrEmpty(d.Reason));
    }

    [Fact]
    public void An_invalid_node_id_may_publish_nothing()
    {
        Assert.False(TopicAcl.MayPublish("controller", "tocsin/v1/node/controller/status"));
    }

    [Theory]
    [InlineData("tocsin/v1/node/bn-0001/cmd")]
    [InlineData("tocsin/v1/node/bn-0001/ack")]
    [InlineData("tocsin/v1/area/kaiyuan-01/cmd")]
    [InlineData("tocsin/v1/node/sn-0009/event")]
    public void A_node_may_subscribe_to_its_commands_acks_community_and_listened_sensors(string filter)
    {
        Assert.True(TopicAcl.MaySubscribe(Speaker, filter));
    }

    [Theory]
    [InlineData("tocsin/v1/node/bn-0002/cmd")]
    [InlineData("tocsin/v1/node/bn-0002/ack")]
    [InlineData("tocsin/v1/area/kaiyuan-02/cmd")]
    [InlineData("tocsin/v1/node/sn-0008/event")]
    [InlineData("tocsin/v1/node/sn-0009/report")]
    [InlineData("tocsin/v1/node/bn-0001/status")]
    [InlineData("tocsin/v1/node/+/cmd")]
    [InlineData("tocsin/v1/area/+/cmd")]
    [InlineData("tocsin/v1/node/bn-0001/#")]
    [InlineData("#")]
    [InlineData("$share/g/tocsin/v1/node/bn-0001/cmd")]
    [InlineData("tocsin/v1/node/sn-0009/event/")]
    public void A_node_may_subscribe_to_nothing_else(string filter)
    {
        Assert.False(TopicAcl.MaySubscribe(Speaker, filter));
    }

    [Fact]
    public void A_listed_id_that_is_not_a_sensor_gives_no_access_to_its_events()
    {
        var profile = new NodeAclProfile("bn-0001", "c1", new HashSet<string> { "bn-0002" });
        Assert.False(TopicAcl.MaySubscribe(profile, "tocsin/v1/node/bn-0002/event"));
    }

    [Fact]
    public void A_node_without_listened_sensors_reads_no_events()
    {
        Assert.False(TopicAcl.MaySubscribe(new NodeAclProfile("bn-0001", "c1"), "tocsin/v1/node/sn-0009/event"));
    }

    [Fact]
    public void Wildcard_refusals_say_why()
    {
        Assert.Contains("wildcard", TopicAcl.CheckSubscribe(Speaker, "tocsin/v1/node/+/cmd").Reason!, StringComparison.Ordinal);
    }
}
