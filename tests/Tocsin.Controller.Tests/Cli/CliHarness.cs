using System.Text.Json;
using Tocsin.Controller.Cli;
using Tocsin.Controller.Cli.Client;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Cli;

/// <summary>
/// Runs <see cref="ControllerCli.RunAsync"/> in process against a <see cref="ControllerFixture"/>, with the
/// console captured and a temporary config home for the session file.
/// </summary>
public sealed class CliHarness : IAsyncDisposable
{
    private CliHarness(ControllerFixture controller, string configHome)
    {
        Controller = controller;
        ConfigHome = configHome;
    }

    public ControllerFixture Controller { get; }

    public string ConfigHome { get; }

    public string Api => Controller.Http.BaseAddress!.ToString().TrimEnd('/');

    public string SessionFile => Path.Combine(ConfigHome, "tocsin", "session.json");

    public static async Task<CliHarness> StartAsync()
    {
        ControllerFixture controller = await ControllerFixture.StartAsync();
        return new CliHarness(controller, Path.Combine(Path.GetTempPath(), "tocsin-cli-" + Guid.NewGuid().ToString("N")));
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        TextWriter oldOut = Console.Out;
        TextWriter oldError = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        SessionStore.ConfigHome = ConfigHome;
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int code = await ControllerCli.RunAsync(args);
            return new CliResult(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    /// <summary>Runs and asserts exit 0.</summary>
    public async Task<CliResult> OkAsync(params string[] args)
    {
        CliResult result = await RunAsync(args);
        Assert.True(result.Code == 0, string.Join(' ', args) + ": " + result);
        return result;
    }

    /// <summary>Runs with <c>--json</c>, asserts exit 0, and parses the output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        CliResult result = await OkAsync([.. args, "--json"]);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    /// <summary>Signs in as the fixture's admin with the password from the environment.</summary>
    public async Task LoginAsync()
    {
        string? old = Environment.GetEnvironmentVariable("TOCSIN_PASSWORD");
        Environment.SetEnvironmentVariable("TOCSIN_PASSWORD", ControllerFixture.AdminPassword);
        try
        {
            await OkAsync("login", "--api", Api, "--name", "admin");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TOCSIN_PASSWORD", old);
        }
    }

    public async Task RegisterSpeakerAsync(string id, string community, int covers) =>
        await OkAsync("nodes", "register", "--id", id, "--kind", "broadcast", "--community", community, "--covered-population", covers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lat", "24.9135", "--lon", "118.5858", "--description", "test speaker");

    public async ValueTask DisposeAsync()
    {
        SessionStore.ConfigHome = null;
        await Controller.DisposeAsync();
        if (Directory.Exists(ConfigHome))
        {
            Directory.Delete(ConfigHome, recursive: true);
        }
    }
}
