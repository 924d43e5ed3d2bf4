using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tocsin.Controller.Security;
using Xunit;

namespace Tocsin.Controller.Tests.Security;

public sealed class CommandSignerTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    private static CommandSpec Ping() => new("kat-1", 7, "ping", "live", 1_764_000_000_000, 1_764_000_600_000);

    [Fact]
    public void Command_bytes_are_compact_json_in_a_fixed_field_order()
    {
        string json = Encoding.UTF8.GetString(CommandSigner.SerializeCommand(Ping()));
        Assert.Equal("{\"id\":\"kat-1\",\"seq\":7,\"kind\":\"ping\",\"mode\":\"live\",\"iss\":1764000000000,\"exp\":1764000600000}", json);
    }

    [Fact]
    public void Mac_matches_a_fixed_known_answer()
    {
        // Computed independently: HMAC-SHA256(key 00..1f, "tocsin-cmd-v1\0sn-0001\0" + command bytes), first 16 bytes.
        byte[] mac = CommandSigner.ComputeMac(Key, "sn-0001", CommandSigner.SerializeCommand(Ping()));
        Assert.Equal("3cpJdwYeePNNufyxC8x0Fw==", Convert.ToBase64String(mac));
    }

    [Fact]
    public void Mac_is_the_truncated_dotnet_hmac_over_tag_node_and_command()
    {
        byte[] cmd = CommandSigner.SerializeCommand(Ping());
        byte[] input = [.. Encoding.ASCII.GetBytes("tocsin-cmd-v1"), 0, .. Encoding.UTF8.GetBytes("bn-7"), 0, .. cmd];
        byte[] expected = HMACSHA256.HashData(Key, input)[..16];
        Assert.Equal(expected, CommandSigner.ComputeMac(Key, "bn-7", cmd));
    }

    [Fact]
    public void Different_nodes_and_different_modes_get_different_macs()
    {
        byte[] live = CommandSigner.SerializeCommand(Ping());
        byte[] drill = CommandSigner.SerializeCommand(Ping() with { Mode = "drill" });
        Assert.NotEqual(CommandSigner.ComputeMac(Key, "a", live), CommandSigner.ComputeMac(Key, "b", live));
        Assert.NotEqual(CommandSigner.ComputeMac(Key, "a", live), CommandSigner.ComputeMac(Key, "a", drill));
    }

    [Fact]
    public void An_envelope_embeds_the_exact_command_bytes_and_one_mac_per_node()
    {
        var nodes = Enumerable.Range(0, 5).Select(i => new NodeKey("bn-" + i, Enumerable.Repeat((byte)i, 32).ToArray())).ToList();
        byte[] envelope = Assert.Single(CommandSigner.Sign(Ping(), nodes));
        string text = Encoding.UTF8.GetString(envelope);
        string cmd = Encoding.UTF8.GetString(CommandSigner.SerializeCommand(Ping()));
        Assert.Contains("\"cmd\":" + cmd + ",", text, StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(envelope);
        Assert.Equal(1, doc.RootElement.GetProperty("v").GetInt32());
        var macs = doc.RootElement.GetProperty("mac").EnumerateObject().ToList();
        Assert.Equal(nodes.Select(n => n.NodeId), macs.Select(m => m.Name));
        foreach (var (node, mac) in nodes.Zip(macs))
        {
            Assert.Equal(CommandSigner.ComputeMac(node.Key, node.NodeId, Encoding.UTF8.GetBytes(cmd)), Convert.FromBase64String(mac.Value.GetString()!));
        }
    }

    [Fact]
    public void Large_audiences_are_split_into_bounded_envelopes_covering_every_node_once()
    {
        var nodes = Enumerable.Range(0, 250).Select(i => new NodeKey("bn-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), new byte[32])).ToList();
        var envelopes = CommandSigner.Sign(Ping(), nodes);
        Assert.Equal(3, envelopes.Count);
        Assert.All(envelopes, e => Assert.True(e.Length < 8192, "envelope of " + e.Length + " bytes"));
        var covered = envelopes.SelectMany(e => JsonDocument.Parse(e).RootElement.GetProperty("mac").EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(nodes.Select(n => n.NodeId), covered);
    }

    [Fact]
    public void Base64_and_non_ascii_text_are_not_escaped_so_nodes_hash_what_is_sent()
    {
        var spec = Ping() with { WriteBody = w => w.WriteString("title", "暴雨红色预警 +/") };
        string text = Encoding.UTF8.GetString(CommandSigner.SignForNode(spec, new NodeKey("bn-1", Key)));
        Assert.Contains("暴雨红色预警 +/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_arguments_are_refused_clearly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommandSigner.Sign(Ping(), [new NodeKey("a", Key)], 0));
        Assert.Throws<ArgumentNullException>(() => CommandSigner.ComputeMac(null!, "a", []));
    }
}
