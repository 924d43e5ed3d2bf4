using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using Tocsin.Controller.Alerts;
using Tocsin.Controller.Engine;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Nodes;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// Dispatch-to-last-node latency of a district-wide warning to N broadcast nodes, and the time until
/// every node's acknowledgement is persisted, next to a baseline measured in the same run: the raw
/// broker delivering one message per community to the same subscribers.
/// </summary>
internal static class FanOutBenchmark
{
    public static async Task RunAsync(int nodes, int rounds)
    {
        await using BenchController controller = await BenchController.StartAsync().ConfigureAwait(false);
        int mqttPort = controller.MqttPort;
        WebApplication app = controller.App;
        var engine = app.Services.GetRequiredService<ControllerEngine>();
        var transport = app.Services.GetRequiredService<INodeTransport>();
        var clock = Stopwatch.StartNew();
        var factory = new MqttClientFactory();
        var clients = new List<BenchNodeClient>();
        try
        {
            string[] communities = engine.Map!.Communities.Select(c => c.Id).ToArray();
            Console.WriteLine($"registering and provisioning {nodes} broadcast nodes over {communities.Length} communities");
            for (int i = 0; i < nodes; i++)
            {
                string community = communities[i % communities.Length];
                string id = "bn-" + community + "-" + (i / communities.Length).ToString("D3", CultureInfo.InvariantCulture);
                var reg = new NodeRegistration(id, NodeKind.Broadcast, community, null, "benchmark", 1);
                var (_, errors) = await engine.Run(() => engine.Register(reg, [], "bench")).ConfigureAwait(false);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException(string.Join("; ", errors));
                }

                var (bundle, _) = await engine.Run(() => engine.IssueBundle(id, new NetworkSettings("bench", "bench", "127.0.0.1", mqttPort), false, "bench")).ConfigureAwait(false);
                string password = ProvisioningBundle.Decode(bundle).Settings!["mqtt.pass"];
                clients.Add(new BenchNodeClient(factory, id, community, password, clock));
            }

            var connect = Stopwatch.StartNew();
            foreach (BenchNodeClient[] chunk in clients.Chunk(100))
            {
                await Task.WhenAll(chunk.Select(c => c.ConnectAsync(mqttPort))).ConfigureAwait(false);
            }

            Console.WriteLine($"connected and subscribed {nodes} clients in {connect.Elapsed.TotalSeconds:F2} s");
            await Task.Delay(1000).ConfigureAwait(false);

            var baselines = new List<double>();
            var fanouts = new List<(double P50, double P99, double Max, double Acks)>();
            for (int round = 0; round < rounds; round++)
            {
                baselines.Add(await BaselineAsync(transport, clients, communities, clock).ConfigureAwait(false));
                fanouts.Add(await FanOutAsync(engine, clients, clock).ConfigureAwait(false));
                await Task.Delay(1500).ConfigureAwait(false);
            }

            Console.WriteLine();
            Console.WriteLine($"nodes: {nodes}, rounds: {rounds} (figures in ms; median of rounds)");
            double baseline = Median(baselines);
            var f = (Median(fanouts.Select(x => x.P50)), Median(fanouts.Select(x => x.P99)), Median(fanouts.Select(x => x.Max)), Median(fanouts.Select(x => x.Acks)));
            Console.WriteLine($"baseline, raw broker, one message per community to all subscribers: last delivery {baseline:F1}");
            Console.WriteLine($"warning dispatch to each node's command: p50 {f.Item1:F1}, p99 {f.Item2:F1}, last {f.Item3:F1} (p99 = {f.Item2 / baseline:F2} x baseline)");
            Console.WriteLine($"every node's acknowledgement persisted: {f.Item4:F1} after dispatch");
        }
        finally
        {
            foreach (BenchNodeClient c in clients)
            {
                await c.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<double> BaselineAsync(INodeTransport transport, List<BenchNodeClient> clients, string[] communities, Stopwatch clock)
    {
        foreach (BenchNodeClient c in clients)
        {
            c.BaselineAt = 0;
        }

        long t0 = clock.ElapsedTicks;
        foreach (string community in communities)
        {
            await transport.PublishAsync("tocsin/v1/area/" + community + "/cmd", Encoding.ASCII.GetBytes("B" + community), CancellationToken.None).ConfigureAwait(false);
        }

        await WaitAsync(() => clients.All(c => c.BaselineAt != 0), "baseline deliveries").ConfigureAwait(false);
        return Ms(clients.Max(c => c.BaselineAt) - t0);
    }

    private static async Task<(double, double, double, double)> FanOutAsync(ControllerEngine engine, List<BenchNodeClient> clients, Stopwatch clock)
    {
        foreach (BenchNodeClient c in clients)
        {
            c.FirstCommandAt = 0;
        }

        var message = new AlertMessage("Benchmark drill", "Benchmark drill", [7]);
        AlertTransition created = await engine.Run(() => engine.CreateAlert(id => new AlertDraft(id, AlertKind.Drill, Hazard.Typhoon, WarningLevel.Blue,
            AlertTarget.WholeDistrict(), message, DateTimeOffset.UtcNow.AddMinutes(30)), new Actor("bench", "bench", OperatorRole.Operator))).ConfigureAwait(false);
        string alertId = created.Alert!.Id;
        long t0 = clock.ElapsedTicks;
        AlertTransition sent = await engine.RunAsync(() => engine.ActAsync(alertId, AlertAction.Dispatch, new Actor("bench", "bench", OperatorRole.Operator), CancellationToken.None)).ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            throw new InvalidOperationException(sent.Reason);
        }

        Console.WriteLine($"  dispatch call returned after {Ms(clock.ElapsedTicks - t0):F1} ms (signing and handing every envelope to the broker)");

        await WaitAsync(() => clients.All(c => c.FirstCommandAt != 0), "commands").ConfigureAwait(false);
        await WaitAsync(() => engine.Run(() => engine.Deliveries(alertId).Count(d => d.State != DeliveryState.Pending)).Result == clients.Count, "acknowledgements").ConfigureAwait(false);
        double acks = Ms(clock.ElapsedTicks - t0);
        double[] latencies = clients.Select(c => Ms(c.FirstCommandAt - t0)).Order().ToArray();
        return (Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], acks);
    }

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        var limit = Stopwatch.StartNew();
        while (!done())
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Median(IEnumerable<double> values)
    {
        double[] v = values.Order().ToArray();
        return v[v.Length / 2];
    }
}
