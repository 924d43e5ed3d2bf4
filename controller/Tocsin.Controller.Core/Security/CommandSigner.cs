using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tocsin.Controller.Security;

/// <summary>
/// Builds authenticated command envelopes (docs/command-authentication.md):
/// <c>{"v":1,"cmd":{...},"mac":{"node":"base64(16 bytes)",...}}</c>. Each node's MAC is
/// HMAC-SHA256 under that node's own key over "tocsin-cmd-v1" 0x00 node-id 0x00 cmd-bytes,
/// truncated to 16 bytes. One envelope can carry many nodes' MACs, so a whole community gets one
/// publish on its area topic while no node's key can vouch for any other node.
/// </summary>
public static class CommandSigner
{
    /// <summary>Bytes of each truncated MAC.</summary>
    public const int MacBytes = 16;

    /// <summary>Domain separation tag, identical to the firmware's.</summary>
    public const string DomainTag = "tocsin-cmd-v1";

    /// <summary>
    /// Most MACs per envelope: keeps one envelope near 4 KB, well within what an ESP32 node
    /// without PSRAM can take in one piece (the firmware accepts up to 8 KB).
    /// </summary>
    public const int DefaultMaxNodesPerEnvelope = 100;

    private static readonly byte[] DomainTagBytes = Encoding.UTF8.GetBytes(DomainTag);

    // Relaxed escaping keeps '+' and '/' of base64 and non-ASCII text as they are: the bytes the
    // node hashes are the bytes sent, and smaller.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        SkipValidation = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes the command object exactly as it will be signed and sent.</summary>
    public static byte[] SerializeCommand(CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("id", spec.Id);
            w.WriteNumber("seq", spec.Seq);
            w.WriteString("kind", spec.Kind);
            w.WriteString("mode", spec.Mode);
            w.WriteNumber("iss", spec.IssuedUtcMs);
            w.WriteNumber("exp", spec.ExpiresUtcMs);
            if (spec.WriteBody != null)
            {
                w.WriteStartObject("body");
                spec.WriteBody(w);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The truncated MAC one node checks.</summary>
    public static byte[] ComputeMac(byte[] key, string nodeId, ReadOnlySpan<byte> commandJson)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(nodeId);
        byte[] mac = new byte[MacBytes];
        WriteMac(key, nodeId, commandJson, mac);
        return mac;
    }

    // Fills the 16-byte MAC without allocating: one envelope signs up to 100 nodes, and a
    // district-wide warning thousands, all while the operator waits for the dispatch to return.
    private static void WriteMac(byte[] key, string nodeId, ReadOnlySpan<byte> commandJson, Span<byte> mac)
    {
        ReadOnlySpan<byte> tag = DomainTagBytes;
        int idBytes = Encoding.UTF8.GetByteCount(nodeId);
        int length = tag.Length + 1 + idBytes + 1 + commandJson.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> input = rented.AsSpan(0, length);
            tag.CopyTo(input);
            input[tag.Length] = 0;
            Encoding.UTF8.GetBytes(nodeId, input.Slice(tag.Length + 1, idBytes));
            input[tag.Length + 1 + idBytes] = 0;
            commandJson.CopyTo(input[(tag.Length + idBytes + 2)..]);
            Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, input, full);
            full[..MacBytes].CopyTo(mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Signs one command for <paramref name="nodes"/>, splitting into envelopes of at most
    /// <paramref name="maxNodesPerEnvelope"/> MACs. Every envelope carries the same command bytes.
    /// </summary>
    public static IReadOnlyList<byte[]> Sign(CommandSpec spec, IReadOnlyList<NodeKey> nodes, int maxNodesPerEnvelope = DefaultMaxNodesPerEnvelope)
    {
        return SignSerialized(SerializeCommand(spec), nodes, maxNodesPerEnvelope);
    }

    /// <summary>
    /// Signs already serialized command bytes (from <see cref="SerializeCommand"/>, e.g. stored for
    /// resends after a restart) for <paramref name="nodes"/>, in envelopes of at most
    /// <paramref name="maxNodesPerEnvelope"/> MACs. The bytes are embedded exactly as given.
    /// </summary>
    public static IReadOnlyList<byte[]> SignSerialized(byte[] command, IReadOnlyList<NodeKey> nodes, int maxNodesPerEnvelope = DefaultMaxNodesPerEnvelope)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodesPerEnvelope, 1);
        var envelopes = new List<byte[]>((nodes.Count / maxNodesPerEnvelope) + 1);
        for (int start = 0; start < nodes.Count; start += maxNodesPerEnvelope)
        {
            int count = Math.Min(maxNodesPerEnvelope, nodes.Count - start);
            envelopes.Add(Envelope(command, nodes, start, count));
        }

        return envelopes;
    }

    /// <summary>Signs one command for a single node.</summary>
    public static byte[] SignForNode(CommandSpec spec, NodeKey node) => Sign(spec, [node])[0];

    private static byte[] Envelope(byte[] command, IReadOnlyList<NodeKey> nodes, int start, int count)
    {
        var buffer = new ArrayBufferWriter<byte>(command.Length + (count * 48) + 32);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("v", 1);
            w.WritePropertyName("cmd");
            w.WriteRawValue(command, skipInputValidation: true);
            w.WriteStartObject("mac");
            Span<byte> mac = stackalloc byte[MacBytes];
            Span<byte> base64 = stackalloc byte[Base64.GetMaxEncodedToUtf8Length(MacBytes)];
            for (int i = start; i < start + count; i++)
            {
                NodeKey node = nodes[i];
                WriteMac(node.Key, node.NodeId, command, mac);
                Base64.EncodeToUtf8(mac, base64, out _, out int written);
                w.WriteString(node.NodeId, base64[..written]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
