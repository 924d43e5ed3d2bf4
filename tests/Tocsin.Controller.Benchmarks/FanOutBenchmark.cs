using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// Dispatch-to-last-node latency of a district-wide warning to N broadcast nodes, and the time until
/// every node's acknowledgement is persisted, next to a baseline measured in the same run: the raw
/// broker delivering one message per community to the same subscribers. The nodes are MQTT clients
/// in a second process. A last round holds every answer back and releases them all at once, to
/// measure N acknowledgements arriving together.
/// </summary>
internal static class FanOutBenchmark
{
    public static async Task RunAsync(int nodes, int rounds)
    {
        await using BenchController controller = await BenchController.StartAsync().ConfigureAwait(false);
        var engine = controller.App.Services.GetRequiredService<ControllerEngine>();
        var transport = controller.App.Services.GetRequiredService<INodeTransport>();
        var acks = new AckCounter(engine);
        await using NodeClientsProcess clients = NodeClientsProcess.Start();
        string[] communities = engine.Map!.Communities.Select(c => c.Id).ToArray();
        Console.WriteLine($"registering and provisioning {nodes} broadcast nodes over {communities.Length} communities");
        var registered = await BenchNodes.RegisterAsync(engine, NodeKind.Broadcast, nodes, controller.MqttPort).ConfigureAwait(false);
        await clients.SendAllAsync(registered.Select(n => "broadcast " + n.Id + " " + n.Community + " " + n.Password).ToList()).ConfigureAwait(false);
        string[] connected = await clients.AskAsync("connect " + controller.MqttPort, "connected").ConfigureAwait(false);
        Console.WriteLine($"connected and subscribed {nodes} clients (second process) in {connected[0]} s");
        await Task.Delay(1000).ConfigureAwait(false);

        var baselines = new List<double>();
        var fanouts = new List<(double P50, double P99, double Max, double Acks)>();

        // Round 0 warms up (JIT, connection pools, the broker's session queues) and is not counted.
        for (int round = 0; round <= rounds; round++)
        {
            baselines.Add(await BaselineAsync(transport, clients, communities).ConfigureAwait(false));
            fanouts.Add(await FanOutAsync(engine, clients, acks, nodes).ConfigureAwait(false));
            Console.WriteLine($"  round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: baseline {baselines[^1]:F1} ms; p50 {fanouts[^1].P50:F1}, p99 {fanouts[^1].P99:F1}, last {fanouts[^1].Max:F1}, acks persisted {fanouts[^1].Acks:F1} ms");
            if (round == 0)
            {
                baselines.Clear();
                fanouts.Clear();
            }

            await Task.Delay(1500).ConfigureAwait(false);
        }

        var atOnce = await AcksAtOnceAsync(engine, clients, acks, nodes).ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine($"nodes: {nodes}, rounds: {rounds} (figures in ms; median of rounds)");
        double baseline = Median(baselines);
        double p50 = Median(fanouts.Select(x => x.P50)), p99 = Median(fanouts.Select(x => x.P99)), max = Median(fanouts.Select(x => x.Max)), persisted = Median(fanouts.Select(x => x.Acks));
        Console.WriteLine($"baseline, raw broker, one message per community to all subscribers: last delivery {baseline:F1}");
        Console.WriteLine($"warning dispatch to each node's command: p50 {p50:F1}, p99 {p99:F1}, last {max:F1} (p99 = {p99 / baseline:F2} x baseline)");
        Console.WriteLine($"every node's acknowledgement persisted: {persisted:F1} after dispatch ({persisted / baseline:F2} x baseline)");
        Console.WriteLine($"{nodes} acknowledgements released at once: all persisted {atOnce.Persisted:F1} after release ({atOnce.Persisted / baseline:F2} x baseline); the nodes' publishing took {atOnce.Publishing:F1}");
    }

    private static async Task<double> BaselineAsync(INodeTransport transport, NodeClientsProcess clients, string[] communities)
    {
        await clients.AskAsync("reset", "ok").ConfigureAwait(false);
        long t0 = Stopwatch.GetTimestamp();
        foreach (string community in communities)
        {
            await transport.PublishAsync("tocsin/v1/area/" + community + "/cmd", Encoding.ASCII.GetBytes("B" + community), CancellationToken.None).ConfigureAwait(false);
        }

        string[] last = await clients.AskAsync("await-baseline", "baseline").ConfigureAwait(false);
        return Ms(NodeClientsProcess.Long(last[0]) - t0);
    }

    private static async Task<(double, double, double, double)> FanOutAsync(ControllerEngine engine, NodeClientsProcess clients, AckCounter acks, int nodes)
    {
        await clients.AskAsync("reset", "ok").ConfigureAwait(false);
        string alertId = await CreateAlertAsync(engine).ConfigureAwait(false);
        Task<long> persisted = await acks.ExpectAsync(nodes).ConfigureAwait(false);
        long t0 = Stopwatch.GetTimestamp();
        await DispatchAsync(engine, alertId).ConfigureAwait(false);
        Console.WriteLine($"  dispatch call returned after {Ms(Stopwatch.GetTimestamp() - t0):F1} ms (signing and handing every envelope to the broker)");
        string[] at = await clients.AskAsync("await-commands", "commands").ConfigureAwait(false);
        long allAcks = await persisted.WaitAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        return (Ms(NodeClientsProcess.Long(at[0]) - t0), Ms(NodeClientsProcess.Long(at[1]) - t0), Ms(NodeClientsProcess.Long(at[2]) - t0), Ms(allAcks - t0));
    }

    private static async Task<(double Persisted, double Publishing)> AcksAtOnceAsync(ControllerEngine engine, NodeClientsProcess clients, AckCounter acks, int nodes)
    {
        await clients.AskAsync("answer off", "ok").ConfigureAwait(false);
        await clients.AskAsync("reset", "ok").ConfigureAwait(false);
        string alertId = await CreateAlertAsync(engine).ConfigureAwait(false);
        await DispatchAsync(engine, alertId).ConfigureAwait(false);
        await clients.AskAsync("await-commands", "commands").ConfigureAwait(false);
        await Task.Delay(1000).ConfigureAwait(false);
        Task<long> persisted = await acks.ExpectAsync(nodes).ConfigureAwait(false);
        long t0 = Stopwatch.GetTimestamp();
        string[] released = await clients.AskAsync("release", "released").ConfigureAwait(false);
        long allAcks = await persisted.WaitAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        await clients.AskAsync("answer on", "ok").ConfigureAwait(false);
        return (Ms(allAcks - t0), Ms(NodeClientsProcess.Long(released[1]) - t0));
    }

    private static async Task<string> CreateAlertAsync(ControllerEngine engine)
    {
        var message = new AlertMessage("Benchmark drill", "Benchmark drill", [7]);
        AlertTransition created = await engine.Run(() => engine.CreateAlert(id => new AlertDraft(id, AlertKind.Drill, Hazard.Typhoon, WarningLevel.Blue,
            AlertTarget.WholeDistrict(), message, DateTimeOffset.UtcNow.AddMinutes(30)), new Actor("bench", "bench", OperatorRole.Operator))).ConfigureAwait(false);
        return created.Alert!.Id;
    }

    private static async Task DispatchAsync(ControllerEngine engine, string alertId)
    {
        AlertTransition sent = await engine.RunAsync(() => engine.ActAsync(alertId, AlertAction.Dispatch, new Actor("bench", "bench", OperatorRole.Operator), CancellationToken.None)).ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            throw new InvalidOperationException(sent.Reason);
        }
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Median(IEnumerable<double> values)
    {
        double[] v = values.Order().ToArray();
        return v[v.Length / 2];
    }
}
