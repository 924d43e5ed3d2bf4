using System.Net;
using System.Text.Json;
using MQTTnet;
using Tocsin.Simulator.Hardware;
using Tocsin.Simulator.Nodes;

namespace Tocsin.Controller.Tests.Support;

/// <summary>
/// Virtual nodes running the real firmware, registered at the controller, provisioned through their
/// serial consoles with the controller's bundles, and connected over real MQTT on loopback.
/// </summary>
public sealed class DistrictRig : IAsyncDisposable
{
    private readonly ControllerFixture _controller;
    private readonly MqttClientFactory _factory = new();
    private readonly List<VirtualNode> _nodes = [];
    private LiveNodeHost? _host;

    public DistrictRig(ControllerFixture controller)
    {
        _controller = controller;
    }

    public IReadOnlyList<VirtualNode> Nodes => _nodes;

    public async Task<VirtualSensorNode> AddSensorAsync(string id, string community)
    {
        await _controller.PostAsync("/api/nodes", new { id, kind = "sensor", community, description = "test sensor" }, HttpStatusCode.Created).ConfigureAwait(false);
        var node = new VirtualSensorNode(id, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _nodes.Count + 1, () => new MqttNetLink(_factory));
        await ProvisionAsync(node).ConfigureAwait(false);
        return node;
    }

    public async Task<VirtualBroadcastNode> AddSpeakerAsync(string id, string community, int coveredPopulation)
    {
        await _controller.PostAsync("/api/nodes", new { id, kind = "broadcast", community, coveredPopulation }, HttpStatusCode.Created).ConfigureAwait(false);
        var node = new VirtualBroadcastNode(id, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _nodes.Count + 1, () => new MqttNetLink(_factory));
        await ProvisionAsync(node).ConfigureAwait(false);
        return node;
    }

    /// <summary>Starts ticking every node in real time.</summary>
    public void Start()
    {
        _host = new LiveNodeHost(_nodes, threads: 2) { TickMs = 20 };
        _host.Start();
    }

    /// <summary>Runs an action on a node while its worker is not ticking it.</summary>
    public static void With(VirtualNode node, Action action)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (node)
        {
            action();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host != null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        foreach (VirtualNode node in _nodes)
        {
            if (node.Link is MqttNetLink link)
            {
                await link.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task ProvisionAsync(VirtualNode node)
    {
        JsonElement bundle = await _controller.PostAsync("/api/nodes/" + node.Id + "/bundle",
            new { wifiSsid = "tocsin-test", wifiPassword = "unused-in-simulation", mqttHost = "127.0.0.1", mqttPort = _controller.MqttPort }).ConfigureAwait(false);
        node.PowerOn();
        node.Type(bundle.GetProperty("consoleLine").GetString()!);
        for (int i = 0; i < 200; i++)
        {
            node.Tick(10);
        }

        string answer = node.Console.TakeOutput();
        if (!answer.Contains("is complete", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(node.Id + " refused its bundle: " + answer);
        }

        _nodes.Add(node);
    }
}
