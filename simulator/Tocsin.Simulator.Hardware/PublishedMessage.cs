namespace Tocsin.Simulator.Hardware;

/// <summary>One message a node published, as a link recorded it.</summary>
public sealed record PublishedMessage(string Topic, byte[] Payload, int Qos, bool Retain)
{
    /// <summary>The payload as text (UTF-8).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Payload);
}
