using System.Text.Json;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Cli;

/// <summary>login, logout, nodes, regions and reports through the CLI against a real controller.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliNodeTests
{
    [Fact]
    public async Task Login_keeps_an_owner_only_session_used_by_register_and_list()
    {
        await using CliHarness cli = await CliHarness.StartAsync();
        await cli.LoginAsync();

        Assert.True(File.Exists(cli.SessionFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.SessionFile));
        }

        using (JsonDocument session = JsonDocument.Parse(await File.ReadAllTextAsync(cli.SessionFile)))
        {
            Assert.Equal(cli.Api, session.RootElement.GetProperty("api").GetString());
            Assert.False(string.IsNullOrEmpty(session.RootElement.GetProperty("token").GetString()));
            Assert.True(session.RootElement.GetProperty("expiresUtc").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        }

        // No --api from here on: the session names the controller.
        CliResult registered = await cli.OkAsync("nodes", "register", "--id", "sn-kaiyuan-01-underpass", "--kind", "sensor", "--community", "kaiyuan-01", "--description", "underpass");
        Assert.Contains("registered sensor node sn-kaiyuan-01-underpass", registered.Out, StringComparison.Ordinal);
        await cli.OkAsync("nodes", "register", "--id", "bn-kaiyuan-01-east", "--kind", "broadcast", "--community", "kaiyuan-01",
            "--covered-population", "1200", "--lat", "24.91", "--lon", "118.58", "--description", "east gate", "--hears", "sn-kaiyuan-01-underpass");

        CliResult list = await cli.OkAsync("nodes", "list");
        string[] lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("bn-kaiyuan-01-east", StringComparison.Ordinal) && l.Contains("1200", StringComparison.Ordinal) && l.Contains("sn-kaiyuan-01-underpass", StringComparison.Ordinal));

        JsonElement nodes = await cli.JsonAsync("nodes", "list");
        Assert.Equal(2, nodes.GetArrayLength());

        CliResult revoke = await cli.OkAsync("nodes", "revoke", "sn-kaiyuan-01-underpass");
        Assert.Contains("revoked node sn-kaiyuan-01-underpass", revoke.Out, StringComparison.Ordinal);
        await cli.OkAsync("nodes", "state");

        CliResult logout = await cli.OkAsync("logout");
        Assert.Contains("signed out", logout.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.SessionFile));
        CliResult after = await cli.RunAsync("nodes", "list", "--api", cli.Api);
        Assert.Equal(1, after.Code);
        Assert.Contains("not signed in", after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_prints_the_console_line_and_reads_the_wifi_password_from_the_environment()
    {
        await using CliHarness cli = await CliHarness.StartAsync();
        await cli.LoginAsync();
        await cli.RegisterSpeakerAsync("bn-kaiyuan-02-north", "kaiyuan-02", 800);
        string port = cli.Controller.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        CliResult missing = await cli.RunAsync("nodes", "bundle", "bn-kaiyuan-02-north", "--wifi-ssid", "tocsin", "--wifi-password-env", "TOCSIN_TEST_WIFI_UNSET", "--mqtt-host", "127.0.0.1");
        Assert.Equal(2, missing.Code);
        Assert.Contains("TOCSIN_TEST_WIFI_UNSET is not set", missing.Error, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable("TOCSIN_TEST_WIFI", "wifi-secret");
        try
        {
            CliResult bundle = await cli.OkAsync("nodes", "bundle", "bn-kaiyuan-02-north", "--wifi-ssid", "tocsin", "--wifi-password-env", "TOCSIN_TEST_WIFI",
                "--mqtt-host", "127.0.0.1", "--mqtt-port", port, "--rotate-key");
            string line = Assert.Single(bundle.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("provision TCS1:", line, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TOCSIN_TEST_WIFI", null);
        }
    }

    [Fact]
    public async Task Regions_reports_alarms_and_audit_read_the_controller()
    {
        await using CliHarness cli = await CliHarness.StartAsync();
        await cli.LoginAsync();

        CliResult regions = await cli.OkAsync("regions", "show");
        Assert.StartsWith("licheng", regions.Out, StringComparison.Ordinal);
        Assert.Contains("├─ kaiyuan", regions.Out, StringComparison.Ordinal);
        Assert.Contains("kaiyuan-01  ", regions.Out, StringComparison.Ordinal);
        Assert.Contains("population 2230", regions.Out, StringComparison.Ordinal);

        CliResult report = await cli.OkAsync("report", "district");
        Assert.Contains("terminal coverage", report.Out, StringComparison.Ordinal);
        Assert.Contains("90.0%", report.Out, StringComparison.Ordinal);

        CliResult alarms = await cli.OkAsync("alarms", "list");
        Assert.False(string.IsNullOrWhiteSpace(alarms.Out));

        CliResult audit = await cli.OkAsync("audit", "--limit", "5");
        Assert.Contains("login", audit.Out, StringComparison.Ordinal);
        Assert.True(audit.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 6);
    }
}
