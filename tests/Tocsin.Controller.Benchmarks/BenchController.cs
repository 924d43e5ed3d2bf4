using Tocsin.TestSupport;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Mqtt;

namespace Tocsin.Controller.Benchmarks;

/// <summary>A real controller for a benchmark: embedded broker on a free port, a fresh SQLite file, the Licheng sample regions.</summary>
internal sealed class BenchController : IAsyncDisposable
{
    private BenchController(WebApplication app, string data, int mqttPort)
    {
        App = app;
        DataDirectory = data;
        MqttPort = mqttPort;
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public int MqttPort { get; }

    public static async Task<BenchController> StartAsync(INodeTransport? transport = null)
    {
        string data = Path.Combine(Path.GetTempPath(), "tocsin-bench-" + Guid.NewGuid().ToString("N"));
        int mqttPort = FreePorts.Loopback();
        var options = new ControllerOptions
        {
            DataDirectory = data,
            HttpUrl = "http://127.0.0.1:" + FreePorts.Loopback(),
            MqttPort = mqttPort,
            MqttBindAddress = IPAddress.Loopback,
            RegionFile = RepoPaths.Combine("controller", "regions", "licheng-sample.json"),
            BootstrapAdminPassword = "benchmark-admin-password",
        };
        WebApplication app = ControllerHost.Build(options, transport: transport == null ? null : _ => transport);
        await app.StartAsync().ConfigureAwait(false);
        return new BenchController(app, data, mqttPort);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS.
        }
    }
}
