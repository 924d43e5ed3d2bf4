using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Storage;
using Tocsin.TestSupport;

namespace Tocsin.Controller.Tests.Support;

/// <summary>
/// A real controller (SQLite file, sample regions and rules) that the test steps on its own clock, as
/// the simulator does: one registered sensor, messages handed in by hand, no background loop.
/// </summary>
public sealed class SteppedController : IAsyncDisposable
{
    private readonly string _data;

    private SteppedController(string data, string sensor)
    {
        _data = data;
        Sensor = sensor;
    }

    public SteppedTime Time { get; } = new();

    public HandFedTransport Transport { get; } = new();

    public WebApplication App { get; private set; } = null!;

    public string Sensor { get; }

    public ControllerEngine Engine => App.Services.GetRequiredService<ControllerEngine>();

    /// <summary>One of the controller's services.</summary>
    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Builds the controller with <paramref name="configure"/>'s options and services, registers <paramref name="sensor"/> and loads for stepping.</summary>
    public static SteppedController Start(string sensor, Action<ControllerOptions> configure, Action<WebApplicationBuilder>? services = null)
    {
        string data = Path.Combine(Path.GetTempPath(), "tocsin-stepped-" + Guid.NewGuid().ToString("N"));
        var controller = new SteppedController(data, sensor);
        var options = new ControllerOptions
        {
            DataDirectory = data,
            HttpUrl = "http://127.0.0.1:0",
            RegionFile = RepoPaths.Combine("controller", "regions", "licheng-sample.json"),
            RulesFile = RepoPaths.Combine("controller", "rules", "default-rules.json"),
            BootstrapAdminPassword = "admin-password-for-tests",
            SyncWrites = false,
        };
        configure(options);
        controller.App = ControllerHost.Build(options, controller.Time, _ => controller.Transport, builder =>
        {
            builder.Logging.ClearProviders();
            services?.Invoke(builder);
        });
        controller.App.Services.GetRequiredService<INodeStore>().Insert(new StoredNode(sensor, "sensor", "kaiyuan-01", null, null, "", 0, new byte[32], "x", [], false, DateTimeOffset.UtcNow));
        controller.Engine.LoadForStepping();
        return controller;
    }

    /// <summary>Hands the sensor's report number <paramref name="seq"/> to the engine, received now, and steps once.</summary>
    public Task ReportAsync(long seq) =>
        DeliverAsync("report", "{\"ep\":7,\"floor\":1,\"seq\":" + seq + ",\"up\":1000,\"type\":\"reading\",\"depth\":{\"mm\":12}}");

    /// <summary>Hands the sensor's event number <paramref name="seq"/> with <paramref name="fields"/> (JSON members) to the engine, received now, and steps once.</summary>
    public Task EventAsync(long seq, string fields) =>
        DeliverAsync("event", "{\"ep\":7,\"floor\":1,\"seq\":" + seq + ",\"up\":1000," + fields + "}");

    /// <summary>Hands the sensor's heartbeat with <paramref name="faults"/> to the engine, received now, and steps once.</summary>
    public Task HeartbeatAsync(params string[] faults) =>
        DeliverAsync("hb", "{\"t\":" + Time.GetUtcNow().ToUnixTimeMilliseconds() + ",\"up_s\":1000,\"faults\":[" + string.Join(",", faults.Select(f => "\"" + f + "\"")) + "]}");

    /// <summary>Steps once a second of engine time for <paramref name="span"/>.</summary>
    public async Task StepForAsync(TimeSpan span)
    {
        for (TimeSpan passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Engine.StepAsync(CancellationToken.None);
        }
    }

    private async Task DeliverAsync(string leaf, string json)
    {
        Transport.Deliver(new InboundMessage(Sensor, "tocsin/v1/node/" + Sensor + "/" + leaf, Encoding.UTF8.GetBytes(json), false, Time.GetUtcNow()));
        await Engine.StepAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
