using System.Text.Json;
using Tocsin.Controller.Engine;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

[Collection(PostgresCollection.Name)]
public sealed class LedgerStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset Sent = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private static FanOutCommand Command(string alert, int version, TimeSpan validFor) =>
        new(alert + ".v" + version, version, "broadcast", "live", Sent.ToUnixTimeMilliseconds(), (Sent + validFor).ToUnixTimeMilliseconds(), [1, 2, 3], alert, version);

    // What the engine's snapshot writes for the ledger: its changed commands' documents and its deletions.
    private static List<(string Name, ReadOnlyMemory<byte> Json)> Changes(LedgerStore store, DeliveryLedger ledger, out List<string> deletions)
    {
        var buffer = new SnapshotDocumentBuffer(JsonDefaults.Options);
        deletions = [];
        store.AddChanges(ledger, buffer, deletions);
        var documents = new List<(string Name, ReadOnlyMemory<byte> Json)>();
        buffer.AddTo(documents);
        return documents;
    }

    private static DeliveryLedgerSnapshot Snapshot(params FanOutCommand[] commands) =>
        new(commands, [], commands.SelectMany(c => new[] { "bn-1", "bn-2" }.Select(n =>
            new NodeDelivery(c.CommandId, n, "c1", DeliveryState.Succeeded, null, Sent, Sent, 1, [new DeliveryEvent(DeliveryState.Succeeded, null, Sent.AddSeconds(5), null, 1, 1)]))).ToList());

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_whole_ledger_document_of_an_earlier_version_is_saved_again_command_by_command(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        storage.State.Write([("ledger", JsonSerializer.SerializeToUtf8Bytes(Snapshot(Command("a-1", 1, TimeSpan.FromHours(1)), Command("a-2", 1, TimeSpan.FromHours(1))), JsonDefaults.Options))]);

        var store = new LedgerStore(storage.State, TimeSpan.FromHours(6));
        DeliveryLedger ledger = store.Load();
        Assert.Equal(2, ledger.DeliveriesOfAlert("a-1").Count);
        List<(string Name, ReadOnlyMemory<byte> Json)> documents = Changes(store, ledger, out List<string> deletions);
        storage.State.Write(documents, deletions);
        store.Saved();

        Assert.Equal(["ledger/a-1.v1", "ledger/a-2.v1"], storage.State.Names("ledger/"));
        Assert.Null(storage.State.Read<DeliveryLedgerSnapshot>("ledger", JsonDefaults.Options));
        DeliveryLedger back = new LedgerStore(storage.State, TimeSpan.FromHours(6)).Load();
        Assert.Equal(ledger.DeliveriesOfAlert("a-2").Select(d => (d.NodeId, d.State)), back.DeliveriesOfAlert("a-2").Select(d => (d.NodeId, d.State)));
        Assert.Empty(back.TakeChanges().Changed);
    }

    [Fact]
    public async Task Changes_whose_documents_cannot_be_serialized_are_taken_again_with_the_next_snapshot()
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync("sqlite", server);
        var store = new LedgerStore(storage.State, TimeSpan.FromHours(6));
        DeliveryLedger ledger = DeliveryLedger.FromSnapshots([Snapshot(Command("a-1", 1, TimeSpan.FromHours(1)))]);
        ledger.MarkAllChanged();

        var failing = new SnapshotDocumentBuffer(new JsonSerializerOptions(JsonDefaults.Options) { Converters = { new RefusingConverter() } });
        Assert.Throws<InvalidOperationException>(() => store.AddChanges(ledger, failing, []));

        Assert.Equal(["ledger/a-1.v1"], Changes(store, ledger, out _).Select(d => d.Name));
    }

    private sealed class RefusingConverter : System.Text.Json.Serialization.JsonConverter<DeliveryLedgerSnapshot>
    {
        public override DeliveryLedgerSnapshot Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, DeliveryLedgerSnapshot value, JsonSerializerOptions options) => throw new InvalidOperationException("refused");
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_command_long_expired_is_archived_out_of_memory_and_its_deliveries_are_still_found(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var store = new LedgerStore(storage.State, TimeSpan.FromHours(1));
        DeliveryLedger ledger = DeliveryLedger.FromSnapshots([Snapshot(Command("a-1", 1, TimeSpan.FromMinutes(30))), Snapshot(Command("a-1", 2, TimeSpan.FromHours(3)))]);
        ledger.MarkAllChanged();
        Assert.Equal(4, store.DeliveriesOfAlert(ledger, "a-1").Count);

        Assert.Equal(0, store.ArchiveExpired(ledger, Sent.AddMinutes(89), out _));
        Assert.Equal(1, store.ArchiveExpired(ledger, Sent.AddMinutes(90), out _));
        Assert.Null(ledger.FindCommand("a-1.v1"));
        Assert.Equal(["ledger-archive/a-1/a-1.v1"], storage.State.Names("ledger-archive/"));

        IReadOnlyList<NodeDelivery> both = store.DeliveriesOfAlert(ledger, "a-1");
        Assert.Equal(["a-1.v1/bn-1", "a-1.v1/bn-2", "a-1.v2/bn-1", "a-1.v2/bn-2"], both.Select(d => d.CommandId + "/" + d.NodeId));
        Assert.Equal(DeliveryState.Succeeded, both[0].History.Single().State);
        Assert.Equal(both.Select(d => d.NodeId), new LedgerStore(storage.State, TimeSpan.FromHours(1)).DeliveriesOfAlert(ledger, "a-1").Select(d => d.NodeId));

        List<(string Name, ReadOnlyMemory<byte> Json)> documents = Changes(store, ledger, out List<string> deletions);
        Assert.Equal(["ledger/a-1.v2"], documents.Select(d => d.Name));
        Assert.Equal(["ledger/a-1.v1"], deletions);
        storage.State.Write(documents, deletions);
        Assert.Equal(["ledger/a-1.v2"], storage.State.Names(LedgerStore.LivePrefix));
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task An_alert_read_from_the_archive_is_read_again_when_another_of_its_commands_is_archived(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var store = new LedgerStore(storage.State, TimeSpan.Zero);
        DeliveryLedger ledger = DeliveryLedger.FromSnapshots([Snapshot(Command("a-1", 1, TimeSpan.FromMinutes(10))), Snapshot(Command("a-1", 2, TimeSpan.FromMinutes(20)))]);

        Assert.Equal(1, store.ArchiveExpired(ledger, Sent.AddMinutes(10), out _));
        Assert.Equal(4, store.DeliveriesOfAlert(ledger, "a-1").Count);
        Assert.Equal(1, store.ArchiveExpired(ledger, Sent.AddMinutes(20), out _));
        Assert.Empty(ledger.DeliveriesOfAlert("a-1"));
        Assert.Equal(["a-1.v1", "a-1.v1", "a-1.v2", "a-1.v2"], store.DeliveriesOfAlert(ledger, "a-1").Select(d => d.CommandId));
        Assert.Empty(storage.State.Names(LedgerStore.LivePrefix));
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_command_both_in_an_old_whole_ledger_document_and_in_the_archive_counts_once(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        FanOutCommand command = Command("a-1", 1, TimeSpan.FromMinutes(10));
        storage.State.Write([
            ("ledger", JsonSerializer.SerializeToUtf8Bytes(Snapshot(command), JsonDefaults.Options)),
            ("ledger-archive/a-1/a-1.v1", JsonSerializer.SerializeToUtf8Bytes(Snapshot(command), JsonDefaults.Options))]);
        var store = new LedgerStore(storage.State, TimeSpan.FromHours(6));
        DeliveryLedger ledger = store.Load();
        Assert.Equal(["bn-1", "bn-2"], store.DeliveriesOfAlert(ledger, "a-1").Select(d => d.NodeId));
    }

    [Fact]
    public async Task A_refused_archive_write_ends_the_pass_and_leaves_that_command_and_the_later_ones_live()
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync("sqlite", server);
        var store = new LedgerStore(new RefusingStateStore(storage.State, "ledger-archive/a-1/"), TimeSpan.Zero);
        DeliveryLedger ledger = DeliveryLedger.FromSnapshots([
            Snapshot(Command("a-2", 1, TimeSpan.FromMinutes(5))), Snapshot(Command("a-1", 1, TimeSpan.FromMinutes(10))), Snapshot(Command("a-3", 1, TimeSpan.FromMinutes(15)))]);

        Assert.Equal(1, store.ArchiveExpired(ledger, Sent.AddMinutes(15), out int failed));
        Assert.Equal(2, failed);
        Assert.Null(ledger.FindCommand("a-2.v1"));
        Assert.NotNull(ledger.FindCommand("a-1.v1"));
        Assert.NotNull(ledger.FindCommand("a-3.v1"));
        Assert.Equal(["ledger-archive/a-2/a-2.v1"], storage.State.Names(LedgerStore.ArchivePrefix));
        Assert.Equal(2, store.DeliveriesOfAlert(ledger, "a-1").Count);
    }

    // Refuses any write touching a name under one prefix, as a database refusing that row would.
    private sealed class RefusingStateStore(IStateStore inner, string refusedPrefix) : IStateStore
    {
        public T? Read<T>(string name, JsonSerializerOptions options) => inner.Read<T>(name, options);

        public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents) => Write(documents, []);

        public void Write(IEnumerable<(string Name, ReadOnlyMemory<byte> Json)> documents, IEnumerable<string> deletions)
        {
            var list = documents.ToList();
            if (list.Exists(d => d.Name.StartsWith(refusedPrefix, StringComparison.Ordinal)))
            {
                throw new Microsoft.Data.Sqlite.SqliteException("refused for the test", 19);
            }

            inner.Write(list, deletions);
        }

        public IReadOnlyList<string> Names(string prefix) => inner.Names(prefix);
    }
}
