using Tocsin.Controller.Hosting;
using Xunit;

namespace Tocsin.Controller.Tests.Api;

public sealed class StartupChecksTests
{
    [Fact]
    public void A_broken_region_file_is_refused_with_every_problem_and_its_path()
    {
        string file = Path.GetTempFileName();
        File.WriteAllText(file, "{\"v\":1,\"district\":{\"id\":\"x\"}}");
        var ex = Assert.Throws<InvalidOperationException>(() => StartupChecks.Validate(new ControllerOptions { RegionFile = file }));
        Assert.Contains("$.district.name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.district.streets", ex.Message, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public void A_missing_file_and_an_external_broker_without_a_password_are_named()
    {
        Assert.Contains("not found", Assert.Throws<InvalidOperationException>(() => StartupChecks.Validate(new ControllerOptions { RegionFile = "/no/such/file.json" })).Message, StringComparison.Ordinal);
        Assert.Contains("TOCSIN_EXTERNAL_PASSWORD", Assert.Throws<InvalidOperationException>(() => StartupChecks.Validate(new ControllerOptions { Broker = "external" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_storage_without_a_connection_string_in_the_environment_is_refused()
    {
        Assert.Contains("TOCSIN_POSTGRES", Assert.Throws<InvalidOperationException>(() => StartupChecks.Validate(new ControllerOptions { Database = "postgres" })).Message, StringComparison.Ordinal);
        Assert.Contains("sqlite or postgres", Assert.Throws<InvalidOperationException>(() => StartupChecks.Validate(new ControllerOptions { Database = "mysql" })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.0, "at least 1 s")]
    [InlineData(5, -1.0, "between 0 and the snapshot interval (5 s)")]
    [InlineData(5, 6.0, "between 0 and the snapshot interval (5 s)")]
    [InlineData(5, double.NaN, "between 0 and the snapshot interval (5 s)")]
    [InlineData(5, double.PositiveInfinity, "between 0 and the snapshot interval (5 s)")]
    public void A_snapshot_interval_or_write_delay_out_of_range_is_refused(int intervalS, double delayS, string expected)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StartupChecks.Validate(new ControllerOptions { SnapshotIntervalS = intervalS, SnapshotWriteDelayS = delayS }));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 0.0)]
    [InlineData(5, 5.0)]
    [InlineData(300, 30.0)]
    public void A_write_delay_within_the_interval_is_accepted(int intervalS, double delayS) =>
        StartupChecks.Validate(new ControllerOptions { SnapshotIntervalS = intervalS, SnapshotWriteDelayS = delayS });
}
