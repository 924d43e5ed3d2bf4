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

        storage.State.Write([("sequences", """{"sn-1":41}"""), ("alarms", "[1,2]")]);
        Assert.Equal(41, storage.State.Read<Dictionary<string, long>>("sequences", JsonDefaults.Options)!["sn-1"]);
        Assert.Equal([1, 2], storage.State.Read<int[]>("alarms", JsonDefaults.Options)!);

        storage.State.Write([("sequences", """{"sn-1":42}"""), ("sequences", """{"sn-1":43}""")]);
        Assert.Equal(43, storage.State.Read<Dictionary<string, long>>("sequences", JsonDefaults.Options)!["sn-1"]);
        Assert.Equal([1, 2], storage.State.Read<int[]>("alarms", JsonDefaults.Options)!);
    }
}
