using System.Globalization;
using System.Text;
using Tocsin.Controller.Mqtt;

namespace Tocsin.Controller.Ingest;

/// <summary>The acknowledgement the controller publishes to <c>tocsin/v1/node/{node}/ack</c>: <c>{"ep":E,"upto":U}</c>.</summary>
public static class OutboxAck
{
    /// <summary>The ack topic of <paramref name="nodeId"/>.</summary>
    public static string Topic(string nodeId) => Topics.NodeAck(nodeId);

    /// <summary>The payload for epoch <paramref name="epoch"/> up to and including <paramref name="upto"/>.</summary>
    public static byte[] Serialize(long epoch, long upto) => Encoding.ASCII.GetBytes(
        "{\"ep\":" + epoch.ToString(CultureInfo.InvariantCulture) + ",\"upto\":" + upto.ToString(CultureInfo.InvariantCulture) + "}");

    /// <summary>The payload for a tracker verdict.</summary>
    public static byte[] Serialize(SequenceAcceptance acceptance)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        return Serialize(acceptance.Epoch, acceptance.Upto);
    }
}
