using Tocsin.TestSupport;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Cli;

/// <summary>Exit codes when the controller cannot be reached or the command line is wrong.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliErrorTests
{
    [Fact]
    public async Task An_unreachable_controller_exits_3_naming_the_url()
    {
        await using CliHarness cli = await CliHarness.StartAsync();
        string api = "http://127.0.0.1:" + FreePorts.Loopback();

        CliResult result = await cli.RunAsync("nodes", "list", "--api", api);

        Assert.Equal(3, result.Code);
        Assert.Contains("cannot reach the controller at " + api, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        await using CliHarness cli = await CliHarness.StartAsync();

        CliResult missing = await cli.RunAsync("alert", "create", "--kind", "drill");
        Assert.Equal(2, missing.Code);
        Assert.Contains("Option '--level' is required", missing.Error, StringComparison.Ordinal);

        CliResult clips = await cli.RunAsync("alert", "create", "--kind", "drill", "--hazard", "fire", "--level", "IV", "--title", "x", "--clips", "1,two");
        Assert.Equal(2, clips.Code);
        Assert.Contains("--clips: not a whole number: two", clips.Error, StringComparison.Ordinal);

        CliResult badUrl = await cli.RunAsync("nodes", "list", "--api", "not a url");
        Assert.Equal(2, badUrl.Code);
        Assert.Contains("not an http(s) URL", badUrl.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_refused_and_keeps_no_session()
    {
        await using CliHarness cli = await CliHarness.StartAsync();
        Environment.SetEnvironmentVariable("TOCSIN_PASSWORD", "wrong");
        try
        {
            CliResult result = await cli.RunAsync("login", "--api", cli.Api, "--name", "admin");
            Assert.Equal(1, result.Code);
            Assert.Contains("wrong name or password", result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(cli.SessionFile));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TOCSIN_PASSWORD", null);
        }
    }
}
