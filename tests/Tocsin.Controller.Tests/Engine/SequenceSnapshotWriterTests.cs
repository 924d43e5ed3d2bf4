using System.Text;
using System.Text.Json;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Ingest;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>The hand-written sequence snapshot is the serializer's, byte for byte, and loads back into the same book.</summary>
public sealed class SequenceSnapshotWriterTests
{
    private static Dictionary<string, SequenceSnapshot> Varied() => new(StringComparer.Ordinal)
    {
        // Steady: nothing pending, nothing lost, an earlier epoch left behind.
        ["sn-0001"] = new SequenceSnapshot(3, 1234, [], [], 0, [1, 2]),

        // Before the first message.
        ["bn-\"odd\"-<id>-街道"] = new SequenceSnapshot(null, 0, [], [], 0, []),

        // Numbers received out of order above the prefix, and gaps recorded as lost.
        ["sn-0002"] = new SequenceSnapshot(long.MaxValue, 40, [42, 43, 47], [new SequenceRange(10, 12), new SequenceRange(30, 30)], 4, [-1, 0]),
    };

    [Fact]
    public void Writes_what_the_serializer_writes()
    {
        Dictionary<string, SequenceSnapshot> snapshots = Varied();
        var writer = new SequenceSnapshotWriter();
        Assert.Equal(JsonSerializer.Serialize(snapshots, JsonDefaults.Options), Encoding.UTF8.GetString(writer.Serialize(snapshots).Span));

        // The writer keeps its buffer between snapshots: a smaller one carries nothing over.
        var one = new Dictionary<string, SequenceSnapshot> { ["sn-0001"] = snapshots["sn-0001"] };
        Assert.Equal(JsonSerializer.Serialize(one, JsonDefaults.Options), Encoding.UTF8.GetString(writer.Serialize(one).Span));
        Assert.Equal("{}", Encoding.UTF8.GetString(writer.Serialize(new Dictionary<string, SequenceSnapshot>()).Span));
    }

    [Fact]
    public void What_it_writes_restores_a_book_that_exports_the_same()
    {
        Dictionary<string, SequenceSnapshot> snapshots = Varied();
        byte[] json = new SequenceSnapshotWriter().Serialize(snapshots).ToArray();
        var back = JsonSerializer.Deserialize<Dictionary<string, SequenceSnapshot>>(json, JsonDefaults.Options)!;
        IReadOnlyDictionary<string, SequenceSnapshot> again = SequenceBook.FromSnapshots(back).Export();
        Assert.Equal(json, new SequenceSnapshotWriter().Serialize(again).ToArray());
    }
}
