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
    public void Each_document_is_the_serializers_bytes_even_after_the_buffer_moved()
    {
        var buffer = new SnapshotDocumentBuffer(JsonDefaults.Options);
        var small = new Dictionary<string, string> { ["rule-1"] = "a-1" };

        // The first document is written before the buffer grows past its first 64 KB, the second makes it grow.
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
    public void A_cleared_buffer_keeps_its_size_and_carries_nothing_over()
    {
        var buffer = new SnapshotDocumentBuffer(JsonDefaults.Options);
        buffer.Add("large", Large(20_000));
        int capacity = buffer.Capacity;
        buffer.Clear();
        Assert.Equal(0, buffer.Count);

        buffer.Add("next", Large(3));
        var documents = new List<(string Name, ReadOnlyMemory<byte> Json)>();
        buffer.AddTo(documents);
        Assert.Equal("next", Assert.Single(documents).Name);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Large(3), JsonDefaults.Options), documents[0].Json.ToArray());
        Assert.Equal(capacity, buffer.Capacity);
    }

    [Fact]
    public void A_document_needs_a_name()
    {
        var buffer = new SnapshotDocumentBuffer(JsonDefaults.Options);
        Assert.Throws<ArgumentException>(() => buffer.Add("", 1));
        Assert.Equal(0, buffer.Count);
    }
}
