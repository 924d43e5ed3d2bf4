using System.Text.Json;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Health;
using Tocsin.Controller.Ingest;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>
/// Health is saved in groups of nodes, only the groups where some node's health changed other than the
/// time last seen, with one document of when every node was last seen; it loads back whole, also from
/// the single document earlier versions saved.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HealthStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 1, 3, 0, 0, TimeSpan.Zero);

    private static StatusMessage Online(string node) => new(node, true, "broadcast", "0.1.0", "power_on", "ok", 1, "c1");

    private static HeartbeatMessage Heartbeat(string node, int? battMv = null, params string[] faults) =>
        new(node, null, 10, -60, 50000, null, 0, "ok", battMv, faults, new Dictionary<string, double>());

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Only_changed_nodes_are_rewritten_and_everything_loads_back_with_the_latest_times_seen(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var tracker = new NodeHealthTracker();
        var store = new HealthStore(storage.State);
        var writer = new HealthSnapshotWriter();
        tracker.Observe(Online("bn-1"), T0);
        tracker.Observe(Online("sn-1"), T0);
        tracker.Observe(Heartbeat("sn-1", 3950, "lid"), T0);
        Assert.Equal(2, Save(storage, store, writer, tracker));

        // Only seen again: the nodes' documents stay as they were, their times go with the next snapshot.
        tracker.Observe(Heartbeat("bn-1"), T0.AddMinutes(5));
        tracker.Observe(Heartbeat("sn-1", 3950, "lid"), T0.AddMinutes(5));
        Assert.Equal(0, Save(storage, store, writer, tracker));
        Assert.Equal(T0, Assert.Single(storage.State.Read<HealthSnapshot>("health/31", JsonDefaults.Snapshot)!.Nodes).LastSeen);
        tracker.Observe(Heartbeat("sn-1", 3950), T0.AddMinutes(6));
        Assert.Equal(1, Save(storage, store, writer, tracker));

        NodeHealthTracker loaded = new HealthStore(storage.State).Load();
        AssertSame(tracker, loaded);
        Assert.Equal(T0.AddMinutes(5), loaded.Get("bn-1")!.LastSeen);
        Assert.Empty(loaded.TakeChanges(HealthStore.Groups, withBattery: true).Groups);
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task The_single_document_of_earlier_versions_loads_and_is_replaced_group_by_group_at_the_next_snapshot(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var old = new NodeHealthTracker();
        old.Observe(Online("bn-1"), T0);
        old.Observe(Heartbeat("sn-1", 3900, "lid"), T0.AddMinutes(1));
        storage.State.Write([("health", JsonSerializer.SerializeToUtf8Bytes(old.Export(), JsonDefaults.Snapshot))]);

        var store = new HealthStore(storage.State);
        NodeHealthTracker loaded = store.Load();
        AssertSame(old, loaded);
        Assert.Equal(2, Save(storage, store, new HealthSnapshotWriter(), loaded));
        Assert.Null(storage.State.Read<JsonElement?>("health", JsonDefaults.Options));
        Assert.Equal(["health/14", "health/31"], storage.State.Names(HealthStore.GroupPrefix));
        AssertSame(old, new HealthStore(storage.State).Load());
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task The_times_last_seen_win_over_a_group_written_before_the_clock_was_set_back(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var tracker = new NodeHealthTracker();
        var store = new HealthStore(storage.State);
        var writer = new HealthSnapshotWriter();
        tracker.Observe(Online("bn-1"), T0);
        tracker.Observe(Heartbeat("bn-1"), T0.AddMinutes(10));
        Save(storage, store, writer, tracker);
        tracker.Observe(Heartbeat("bn-1"), T0.AddMinutes(20));
        tracker.Evaluate(T0.AddMinutes(20));
        Assert.Equal(0, Save(storage, store, writer, tracker));

        // An hour back: the node's time last seen moves back with the clock, its group is not rewritten.
        tracker.Evaluate(T0.AddMinutes(-40));
        Assert.Equal(0, Save(storage, store, writer, tracker));
        Assert.Equal(T0.AddMinutes(-40), new HealthStore(storage.State).Load().Get("bn-1")!.LastSeen);
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_whole_health_document_written_after_the_groups_by_an_older_version_wins(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var tracker = new NodeHealthTracker();
        tracker.Observe(Online("bn-1"), T0);
        Save(storage, new HealthStore(storage.State), new HealthSnapshotWriter(), tracker);

        // An older version then ran: it saw the node go offline and wrote only its own document.
        tracker.Observe(new StatusMessage("bn-1", false, "broadcast", null, null, null, null, null), T0.AddHours(1));
        storage.State.Write([("health", JsonSerializer.SerializeToUtf8Bytes(tracker.Export(), JsonDefaults.Snapshot))]);

        NodeHealth loaded = new HealthStore(storage.State).Load().Get("bn-1")!;
        Assert.Equal((Connectivity.Offline, T0.AddHours(1)), (loaded.Connectivity, loaded.LastSeen));
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Nothing_saved_loads_as_no_health(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        NodeHealthTracker loaded = new HealthStore(storage.State).Load();
        Assert.Empty(loaded.All);
    }

    // One snapshot as the engine writes it; returns how many groups' documents it wrote.
    private static int Save(StorageUnderTest storage, HealthStore store, HealthSnapshotWriter writer, NodeHealthTracker tracker)
    {
        SerializedHealth health = writer.Serialize(tracker.TakeChanges(HealthStore.Groups, withBattery: true));
        var documents = new List<(string Name, ReadOnlyMemory<byte> Json)>();
        var deletions = new List<string>();
        store.AddTo(health, documents, deletions);
        storage.State.Write(documents, deletions);
        store.Saved();
        return health.Groups.Count;
    }

    private static void AssertSame(NodeHealthTracker expected, NodeHealthTracker actual) => HealthAssert.Same(expected.All, actual.All);
}
