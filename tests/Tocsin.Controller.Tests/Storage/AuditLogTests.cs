using Tocsin.Controller.Storage;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class AuditLogTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Recent_entries_come_newest_first_and_can_be_narrowed_to_one_subject(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        DateTimeOffset start = storage.Time.GetUtcNow();
        storage.Audit.Append("admin", "node-register", "node:sn-1", "sensor in kaiyuan-01");
        storage.Time.Advance(TimeSpan.FromSeconds(1));
        storage.Audit.Append("alice", "sign-in", "operator:alice");
        storage.Time.Advance(TimeSpan.FromSeconds(1));
        storage.Audit.Append("admin", "node-revoke", "node:sn-1");

        IReadOnlyList<AuditEntry> recent = storage.Audit.Recent(2);
        Assert.Equal(["node-revoke", "sign-in"], recent.Select(e => e.Action));
        Assert.Equal(start + TimeSpan.FromSeconds(2), recent[0].AtUtc);
        Assert.True(recent[0].Id > recent[1].Id);

        IReadOnlyList<AuditEntry> node = storage.Audit.Recent(100, "node:sn-1");
        Assert.Equal(["node-revoke", "node-register"], node.Select(e => e.Action));
        Assert.Equal(("admin", "sensor in kaiyuan-01"), (node[1].Actor, node[1].Detail));
        Assert.Equal(string.Empty, node[0].Detail);
    }
}
