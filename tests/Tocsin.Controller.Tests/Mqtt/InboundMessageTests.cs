using System.Text;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Mqtt;
using Xunit;

namespace Tocsin.Controller.Tests.Mqtt;

/// <summary>What transports parse where a message arrives, and what they leave to the engine.</summary>
public sealed class InboundMessageTests
{
    [Fact]
    public void Reports_are_parsed_on_arrival_as_the_engine_would_and_results_are_left_to_the_engine()
    {
        byte[] report = Encoding.UTF8.GetBytes("""{"ep":3,"seq":7,"t":1780000000000,"type":"reading","depth":{"mm":120,"level":"none"}}""");
        MessageParseResult? parsed = InboundMessage.ParseOnArrival("tocsin/v1/node/sn-1/report", report);
        Assert.NotNull(parsed);
        Assert.True(parsed.Succeeded, parsed.Error);
        ReportMessage message = Assert.IsType<ReportMessage>(parsed.Message);
        Assert.Equal(NodeMessageParser.Parse("tocsin/v1/node/sn-1/report", report).Message, message, new SameReport());

        byte[] result = Encoding.UTF8.GetBytes("""{"ep":3,"seq":8,"cmd":"c-1","cseq":4,"kind":"broadcast","state":"received"}""");
        Assert.Null(InboundMessage.ParseOnArrival("tocsin/v1/node/bn-1/result", result));
    }

    [Fact]
    public void A_malformed_payload_is_refused_on_arrival_with_the_engines_message()
    {
        MessageParseResult? parsed = InboundMessage.ParseOnArrival("tocsin/v1/node/sn-1/report", Encoding.UTF8.GetBytes("{\"seq\":"));
        Assert.NotNull(parsed);
        Assert.False(parsed.Succeeded);
        Assert.Equal("report: payload is not valid JSON", parsed.Error);
    }

    private sealed class SameReport : IEqualityComparer<NodeMessage?>
    {
        public bool Equals(NodeMessage? x, NodeMessage? y) =>
            x is ReportMessage a && y is ReportMessage b && a.NodeId == b.NodeId && a.Header == b.Header && a.DepthLevel == b.DepthLevel
            && a.Measurements.OrderBy(kv => kv.Key).SequenceEqual(b.Measurements.OrderBy(kv => kv.Key));

        public int GetHashCode(NodeMessage? obj) => 0;
    }
}
