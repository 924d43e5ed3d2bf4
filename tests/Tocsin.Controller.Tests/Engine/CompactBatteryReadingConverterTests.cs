using System.Text.Json;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Health;
using Xunit;

namespace Tocsin.Controller.Tests.Engine;

/// <summary>Battery readings in snapshots: compact pairs out, both the pairs and the older objects in.</summary>
public sealed class CompactBatteryReadingConverterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-08-01T01:55:00.123Z", System.Globalization.CultureInfo.InvariantCulture);

    private static NodeHealth Node(params BatteryReading[] readings) =>
        new("bn-1", Connectivity.Online, OfflineCause.None, At, At, TimeSpan.FromMinutes(5), [], 12_650, -1.5, "1.4.2", "power", readings);

    [Fact]
    public void A_health_snapshot_writes_readings_as_pairs_and_reads_them_back()
    {
        var snapshot = new HealthSnapshot([Node(new BatteryReading(At, 12_600), new BatteryReading(At.AddMinutes(5), 12_650))]);
        string json = JsonSerializer.Serialize(snapshot, JsonDefaults.Snapshot);

        Assert.Contains("\"readings\":[[1785549300123,12600],[1785549600123,12650]]", json, StringComparison.Ordinal);
        Assert.Contains("\"connectivity\":\"online\"", json, StringComparison.Ordinal);
        HealthSnapshot back = JsonSerializer.Deserialize<HealthSnapshot>(json, JsonDefaults.Snapshot)!;
        Assert.Equal(snapshot.Nodes[0].Readings, back.Nodes[0].Readings);
        Assert.Equal(snapshot.Nodes[0] with { Faults = [], Readings = [] }, back.Nodes[0] with { Faults = [], Readings = [] });
    }

    [Fact]
    public void A_snapshot_saved_with_readings_as_objects_still_loads()
    {
        var snapshot = new HealthSnapshot([Node(new BatteryReading(At, 12_600), new BatteryReading(At.AddMinutes(5), 12_650))]);
        string legacy = JsonSerializer.Serialize(snapshot, JsonDefaults.Options);
        Assert.Contains("\"readings\":[{\"at\":", legacy, StringComparison.Ordinal);

        HealthSnapshot back = JsonSerializer.Deserialize<HealthSnapshot>(legacy, JsonDefaults.Snapshot)!;
        Assert.Equal(snapshot.Nodes[0].Readings, back.Nodes[0].Readings);
    }

    [Theory]
    [InlineData("[1785549300123]")]
    [InlineData("[1785549300123,12600,1]")]
    [InlineData("[\"x\",12600]")]
    [InlineData("12600")]
    [InlineData("{\"at\":\"2026-08-01T01:55:00Z\"}")]
    [InlineData("[99999999999999999,12600]")]
    [InlineData("[1.5,12600]")]
    [InlineData("[1785549300123,1.5]")]
    public void A_reading_of_another_shape_is_refused(string reading)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BatteryReading>(reading, JsonDefaults.Snapshot));
    }

    [Fact]
    public void An_object_reading_with_unknown_members_is_read_and_the_next_reading_follows()
    {
        string json = "[{\"x\":{\"a\":[1,{\"b\":2}]},\"at\":\"2026-08-01T01:55:00.123Z\",\"millivolts\":12600},[1785549600123,12650]]";
        BatteryReading[] readings = JsonSerializer.Deserialize<BatteryReading[]>(json, JsonDefaults.Snapshot)!;

        Assert.Equal([new BatteryReading(At, 12_600), new BatteryReading(At.AddMinutes(5), 12_650)], readings);
    }
}
