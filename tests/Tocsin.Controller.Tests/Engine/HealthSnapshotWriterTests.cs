using System.Text;
using System.Text.Json;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Health;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>The hand-written health documents are the serializer's, byte for byte, and read back whole.</summary>
public sealed class HealthSnapshotWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 1, 3, 0, 0, TimeSpan.Zero);

    private static HealthSnapshot Varied() => new(
    [
        // A healthy speaker with a battery history.
        new NodeHealth("speaker-00001", Connectivity.Online, OfflineCause.None, T0, T0.AddHours(-3), TimeSpan.FromMinutes(5), [], 12011, -3.25, "1.4.0", "power-on",
            [new BatteryReading(T0.AddMinutes(-10), 12020), new BatteryReading(T0.AddMinutes(-5).AddMilliseconds(123), 12011)]),

        // Offline by missed heartbeats, with faults, nothing optional known.
        new NodeHealth("sensor-0002", Connectivity.Offline, OfflineCause.MissedHeartbeats, T0.AddSeconds(-901), T0, TimeSpan.FromSeconds(61), ["amplifier", "battery_low"], null, null, null, null, []),

        // Never heard; a time with an offset and fractions; text the encoder must escape.
        new NodeHealth("node-\"quoted\"-<tag>-街道", Connectivity.Unknown, OfflineCause.Status, null, new DateTimeOffset(2026, 8, 1, 11, 0, 0, 500, TimeSpan.FromHours(8)),
            TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(250), ["door\nopen"], 0, 1e-7, "fw \\ 2", "brown-out", []),

        // Days and a negative period (never sent, but a snapshot must not change it), and an enum value no build defines.
        new NodeHealth("odd", (Connectivity)7, OfflineCause.None, null, null, TimeSpan.FromDays(3) + TimeSpan.FromTicks(1), [], -5, -1234.5678, null, null, []),
        new NodeHealth("negative", Connectivity.Online, (OfflineCause)(-1), null, null, TimeSpan.FromMinutes(-5), [], null, null, null, null, []),
    ]);

    [Fact]
    public void Writes_each_group_as_the_snapshot_serializer_writes_it_and_when_each_node_was_last_seen()
    {
        IReadOnlyList<NodeHealth> nodes = Varied().Nodes;
        var writer = new HealthSnapshotWriter();
        SerializedHealth written = writer.Serialize(Changes((3, nodes.Take(2).ToList()), (40, nodes.Skip(2).ToList())));
        Assert.Equal([3, 40], written.Groups.Select(d => d.Group));
        Assert.Equal(JsonSerializer.Serialize(new HealthSnapshot(nodes.Take(2).ToList()), JsonDefaults.Snapshot), Encoding.UTF8.GetString(written.Groups[0].Json.Span));
        Assert.Equal(JsonSerializer.Serialize(new HealthSnapshot(nodes.Skip(2).ToList()), JsonDefaults.Snapshot), Encoding.UTF8.GetString(written.Groups[1].Json.Span));

        Dictionary<string, long> seen = JsonSerializer.Deserialize<Dictionary<string, long>>(written.Seen.Span)!;
        Assert.Equal(new Dictionary<string, long> { ["speaker-00001"] = T0.ToUnixTimeMilliseconds(), ["sensor-0002"] = T0.AddSeconds(-901).ToUnixTimeMilliseconds() }, seen);

        // The writer keeps its buffers between snapshots: a second, smaller one carries nothing over.
        SerializedHealth one = writer.Serialize(Changes((0, [nodes[1]])));
        Assert.Equal(JsonSerializer.Serialize(new HealthSnapshot([nodes[1]]), JsonDefaults.Snapshot), Encoding.UTF8.GetString(Assert.Single(one.Groups).Json.Span));
        SerializedHealth none = writer.Serialize(new HealthChanges([], []));
        Assert.Empty(none.Groups);
        Assert.Equal("{}", Encoding.UTF8.GetString(none.Seen.Span));
    }

    [Fact]
    public void What_it_writes_loads_back_into_the_same_health()
    {
        IReadOnlyList<NodeHealth> nodes = Varied().Nodes.Take(3).ToList();
        SerializedHealth written = new HealthSnapshotWriter().Serialize(Changes((7, nodes)));
        HealthSnapshot back = JsonSerializer.Deserialize<HealthSnapshot>(Assert.Single(written.Groups).Json.Span, JsonDefaults.Snapshot)!;
        HealthAssert.Same(nodes, back.Nodes);
    }

    private static HealthChanges Changes(params (int Group, IReadOnlyList<NodeHealth> Nodes)[] groups) =>
        new(groups, groups.SelectMany(g => g.Nodes).Where(n => n.LastSeen != null).Select(n => (n.NodeId, n.LastSeen!.Value)).ToList());
}
