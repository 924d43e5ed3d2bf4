using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class AlertStoreTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(StorageUnderTest.Databases), MemberType = typeof(StorageUnderTest))]
    public async Task Alerts_load_oldest_first_with_their_latest_body(string database)
    {
        using StorageUnderTest storage = await StorageUnderTest.CreateAsync(database, server);
        storage.Alerts.Save("A-2", "live", "draft", 1, 2_000, 2_000, """{"id":"A-2","v":1}""");
        storage.Alerts.Save("A-1", "drill", "draft", 1, 1_000, 1_000, """{"id":"A-1","v":1}""");
        storage.Alerts.Save("A-2", "live", "dispatched", 2, 9_999, 3_000, """{"id":"A-2","v":2}""");

        Assert.Equal(["""{"id":"A-1","v":1}""", """{"id":"A-2","v":2}"""], storage.Alerts.All());
        Assert.Equal("dispatched", storage.Scalar("SELECT state FROM alerts WHERE id = 'A-2'"));
        Assert.Equal(2_000L, Convert.ToInt64(storage.Scalar("SELECT created_utc FROM alerts WHERE id = 'A-2'"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
