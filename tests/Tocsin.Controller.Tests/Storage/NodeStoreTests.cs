using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class NodeStoreTests(PostgresServer server)
{
    private static StoredNode Node(string id, params string[] heard) => new(id, "broadcast", "kaiyuan-01", 24.87, null, "by the market", 1200,
        [1, 2, 3, 250], "pbkdf2$hash", heard, false, DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_123));

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task A_node_comes_back_as_it_was_stored_and_its_id_cannot_be_taken_twice(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        Assert.True(storage.Nodes.Insert(Node("bn-b", "sn-1", "sn-2")));
        Assert.True(storage.Nodes.Insert(Node("bn-a")));
        Assert.False(storage.Nodes.Insert(Node("bn-a", "sn-9")));

        IReadOnlyList<StoredNode> all = storage.Nodes.All();
        Assert.Equal(["bn-a", "bn-b"], all.Select(n => n.Id));
        StoredNode b = all[1];
        Assert.Equal(("broadcast", "kaiyuan-01", 24.87, (double?)null, "by the market", 1200), (b.Kind, b.Community, b.Latitude!.Value, b.Longitude, b.Description, b.CoveredPopulation));
        Assert.Equal(new byte[] { 1, 2, 3, 250 }, b.CommandKey);
        Assert.Equal(["sn-1", "sn-2"], b.HeardSensors);
        Assert.Empty(all[0].HeardSensors);
        Assert.Equal(1_780_000_000_123, b.CreatedUtc.ToUnixTimeMilliseconds());
    }

    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Revoking_and_new_secrets_change_only_the_named_node(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        storage.Nodes.Insert(Node("bn-a"));
        storage.Nodes.Insert(Node("bn-b"));
        Assert.True(storage.Nodes.Revoke("bn-a"));
        Assert.False(storage.Nodes.Revoke("bn-unknown"));
        Assert.Equal([true, false], storage.Nodes.All().Select(n => n.Revoked));

        Assert.True(storage.Nodes.UpdateSecrets("bn-a", [9, 9], "new-hash"));
        Assert.False(storage.Nodes.UpdateSecrets("bn-unknown", [9], "x"));
        StoredNode a = storage.Nodes.All()[0];
        Assert.False(a.Revoked);
        Assert.Equal(new byte[] { 9, 9 }, a.CommandKey);
        Assert.Equal("new-hash", a.PasswordHash);
        Assert.Equal("pbkdf2$hash", storage.Nodes.All()[1].PasswordHash);
    }
}
