using Tocsin.Controller.Engine;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class CounterStoreTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Counters_advance_from_zero_and_independently(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        Assert.Equal(100, storage.Counters.Advance("a", 100));
        Assert.Equal(250, storage.Counters.Advance("a", 150));
        Assert.Equal(7, storage.Counters.Advance("b", 7));
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_restarted_command_sequence_never_reuses_a_number(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        var first = new PersistentCommandSequence(storage.Counters);
        long[] before = [first.NextSeq(), first.NextSeq(), first.NextSeq()];
        Assert.Equal([1L, 2L, 3L], before);

        // A crash after three numbers: the rest of the reserved block is skipped, never handed out again.
        var restarted = new PersistentCommandSequence(storage.Counters);
        long next = restarted.NextSeq();
        Assert.Equal(101, next);
        Assert.Equal(102, restarted.NextSeq());
    }
}
