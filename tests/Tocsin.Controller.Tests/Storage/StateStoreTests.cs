using Tocsin.Controller.Engine;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class StateStoreTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Documents_are_written_together_read_back_and_replaced(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        Assert.Null(storage.State.Read<Dictionary<string, long>>("sequences", JsonDefaults.Options));

        storage.State.Write([("sequences", """{"sn-1":41}"""u8.ToArray()), ("alarms", "[1,2]"u8.ToArray())]);
        Assert.Equal(41, storage.State.Read<Dictionary<string, long>>("sequences", JsonDefaults.Options)!["sn-1"]);
        Assert.Equal([1, 2], storage.State.Read<int[]>("alarms", JsonDefaults.Options)!);

        storage.State.Write([("sequences", """{"sn-1":42}"""u8.ToArray()), ("sequences", """{"sn-1":43}"""u8.ToArray())]);
        Assert.Equal(43, storage.State.Read<Dictionary<string, long>>("sequences", JsonDefaults.Options)!["sn-1"]);
        Assert.Equal([1, 2], storage.State.Read<int[]>("alarms", JsonDefaults.Options)!);
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Documents_given_as_utf8_bytes_are_stored_as_text_that_any_reader_can_read(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        storage.State.Write([("health", "{\"node\":\"sn-\u4e1c-1\",\"mv\":3950}"u8.ToArray())]);

        Assert.Equal("{\"node\":\"sn-\u4e1c-1\",\"mv\":3950}", storage.Scalar("SELECT json FROM state WHERE name = 'health'"));
        Assert.Equal(3950, storage.State.Read<Dictionary<string, System.Text.Json.JsonElement>>("health", JsonDefaults.Options)!["mv"].GetInt32());
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Documents_are_listed_by_prefix_in_ordinal_order_and_deleted_with_a_write(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        storage.State.Write([("ledger/b.v1", "{}"u8.ToArray()), ("ledger/B.v1", "{}"u8.ToArray()), ("ledger/a.v2", "{}"u8.ToArray()), ("ledger-archive/a/a.v1", "{}"u8.ToArray()), ("ledger", "{}"u8.ToArray())]);
        Assert.Equal(["ledger/B.v1", "ledger/a.v2", "ledger/b.v1"], storage.State.Names("ledger/"));
        Assert.Equal(["ledger-archive/a/a.v1"], storage.State.Names("ledger-archive/a/"));
        Assert.Empty(storage.State.Names("ledger-archive/b/"));

        storage.State.Write([("ledger/c.v1", "[3]"u8.ToArray())], ["ledger/a.v2", "ledger", "no-such-document"]);
        Assert.Equal(["ledger/B.v1", "ledger/b.v1", "ledger/c.v1"], storage.State.Names("ledger/"));
        Assert.Null(storage.State.Read<object>("ledger", JsonDefaults.Options));
        Assert.Equal([3], storage.State.Read<int[]>("ledger/c.v1", JsonDefaults.Options)!);
    }
}
