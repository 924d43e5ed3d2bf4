using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Mqtt;

namespace Tocsin.Simulator.Deterministic;

/// <summary>
/// The real controller (engine, rules, fan-out, SQLite storage) built by its own composition root,
/// with the simulated network as its MQTT side and virtual time as its clock, stepped by the
/// simulation instead of running its loop. It can be killed without saving and started again over
/// the same database, as a crashed process would be.
/// </summary>
public sealed class DeterministicController : IAsyncDisposable
{
    private readonly ControllerOptions _options;
    private readonly VirtualTimeProvider _time;
    private readonly SimulatedNetwork _network;
    private readonly ILoggerProvider _logs;
    private WebApplication? _app;

    /// <summary>Creates the controller (not started).</summary>
    public DeterministicController(ControllerOptions options, VirtualTimeProvider time, SimulatedNetwork network, ILoggerProvider logs)
    {
        _options = options;
        _time = time;
        _network = network;
        _logs = logs;
    }

    /// <summary>The running engine; throws while the controller is down.</summary>
    public ControllerEngine Engine => _app?.Services.GetRequiredService<ControllerEngine>() ?? throw new InvalidOperationException("the controller is down");

    /// <summary>True while it runs.</summary>
    public bool IsUp => _app != null;

    /// <summary>The controller's clock (virtual time; the run sets it before each round).</summary>
    public VirtualTimeProvider Time => _time;

    /// <summary>Starts (or restarts) the controller: loads its state from the database and opens the broker.</summary>
    public void Start()
    {
        if (_app != null)
        {
            throw new InvalidOperationException("the controller is already running");
        }

        _app = ControllerHost.Build(_options, _time, _ => _network, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(_logs);
        });
        _app.Services.GetRequiredService<ControllerEngine>().LoadForStepping();
        _network.AttachBroker(_app.Services.GetRequiredService<NodeDirectory>());
        _network.StartBroker();
    }

    /// <summary>One engine round at the current virtual time.</summary>
    public void Step()
    {
        if (_app != null)
        {
            // Storage and the simulated network finish synchronously, so the round is done on return.
            Engine.StepAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>Kills the process: no snapshot is saved, queued messages are lost, the embedded broker goes with it.</summary>
    public async Task KillAsync()
    {
        if (_app == null)
        {
            return;
        }

        _network.DetachController();
        _network.StopBroker();
        WebApplication app = _app;
        _app = null;
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops cleanly (saving snapshots), as at the end of a run.</summary>
    public async Task StopAsync()
    {
        if (_app == null)
        {
            return;
        }

        Engine.SaveNow();
        _network.DetachController();
        WebApplication app = _app;
        _app = null;
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
