using System.Text;
using System.Text.Json;
using Tocsin.Controller.Engine;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>The snapshot's shared document buffer writes what the serializer writes, and keeps every document whole while it grows.</summary>
public sealed class SnapshotDocumentBufferTests
{
    private sealed record Sample(string Name, int Count, IReadOnlyList<string> Items, DayOfWeek Day);

    private static Sample Large(int items) => new("large \"quoted\" <tag> 街道", items, Enumerable.Range(0, items).Select(i => "item-" + i).ToList(), DayOfWeek.Friday);

    [Fact]
    public void Each_document_is_the_serializers_bytes_in_the_order_added()
    {
        var buffer = new SnapshotDocumentBuffer(JsonDefaults.Options);
        var small = new Dictionary<string, string> { ["rule-1"] = "a-1" };

        // The first document fits the buffer's first 64 KB, the second makes it grow.
        buffer.Add("small", small);
        buffer.Add("large", Large(20_000));
        buffer.Add("none", (Sample?)null);
        var documents = new List<(string Name, ReadOnlyMemory<byte> Json)>();
        buffer.AddTo(documents);

        Assert.Equal(["small", "large", "none"], documents.Select(d => d.Name));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(small, JsonDefaults.Options), documents[0].Json.ToArray());
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Large(20_000), JsonDefaults.Options), documents[1].Json.ToArray());
        Assert.Equal("null", Encoding.UTF8.GetString(documents[2].Json.Span));
        Assert.True(buffer.Capacity > 1 << 16);
    }

    [Fact]
    public void A_cleared_buffer_is_written_again_from_its_start_and_carries_nothing_over()
    {
        var buffer = new SnapshotDocumentBuffer(JsonDefaults.Options);
        buffer.Add("large", Large(20_000));
        int capacity = buffer.Capacity;

        // Snapshot after snapshot of the same size: the buffer does not grow again.
        for (int i = 0; i < 3; i++)
        {
            buffer.Clear();
            Assert.Equal(0, buffer.Count);
            buffer.Add("next", Large(20_000));
            Assert.Equal(capacity, buffer.Capacity);
        }

        buffer.Clear();
        buffer.Add("last", Large(3));
        var documents = new List<(string Name, ReadOnlyMemory<byte> Json)>();
        buffer.AddTo(documents);
        Assert.Equal("last", Assert.Single(documents).Name);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Large(3), JsonDefaults.Options), documents[0].Json.ToArray());
    }

    [Fact]
    public void Indented_options_give_the_serializers_bytes_too()
    {
        var options = new JsonSerializerOptions(JsonDefaults.Options) { WriteIndented = true, IndentCharacter = '\t', IndentSize = 1, NewLine = "\r\n" };
        var buffer = new SnapshotDocumentBuffer(options);
        buffer.Add("sample", Large(5));
        var documents = new List<(string Name, ReadOnlyMemory<byte> Json)>();
        buffer.AddTo(documents);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Large(5), options), documents[0].Json.ToArray());
    }

    [Fact]
    public void A_document_needs_a_name()
    {
        var buffer = new SnapshotDocumentBuffer(JsonDefaults.Options);
        Assert.Throws<ArgumentException>(() => buffer.Add("", 1));
        Assert.Equal(0, buffer.Count);
    }
}
