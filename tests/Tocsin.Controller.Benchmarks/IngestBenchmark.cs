using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Hosting;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// Sustained ingest: N sensor-node clients each publish reports (outbox format, QoS 1) at a fixed
/// rate; the controller's commit hook gives publish-to-commit latency per message. Reports carry
/// their publish time in "t".
/// </summary>
internal static class IngestBenchmark
{
    public static async Task RunAsync(int nodes, int perNodePerSecond, int seconds)
    {
        await using BenchController controller = await BenchController.StartAsync().ConfigureAwait(false);
        int mqttPort = controller.MqttPort;
        WebApplication app = controller.App;
        var engine = app.Services.GetRequiredService<ControllerEngine>();
        var latencies = new List<double>(nodes * perNodePerSecond * seconds);
        long committed = 0;
        engine.Committed += messages =>
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (StoredMessage m in messages)
            {
                latencies.Add(now - (m.MeasuredUtcMs ?? now));
            }

            committed += messages.Count;
        };
        var factory = new MqttClientFactory();
        var clients = new List<(IMqttClient Client, string Id)>();
        try
        {
            string[] communities = engine.Map!.Communities.Select(c => c.Id).ToArray();
            for (int i = 0; i < nodes; i++)
            {
                string community = communities[i % communities.Length];
                string id = "sn-" + community + "-" + (i / communities.Length).ToString("D3", CultureInfo.InvariantCulture);
                await engine.Run(() => engine.Register(new NodeRegistration(id, NodeKind.Sensor, community), [], "bench")).ConfigureAwait(false);
                var (bundle, _) = await engine.Run(() => engine.IssueBundle(id, new NetworkSettings("b", "b", "127.0.0.1", mqttPort), false, "bench")).ConfigureAwait(false);
                IMqttClient client = factory.CreateMqttClient();
                await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", mqttPort).WithClientId(id)
                    .WithCredentials(id, ProvisioningBundle.Decode(bundle).Settings!["mqtt.pass"]).Build()).ConfigureAwait(false);
                clients.Add((client, id));
            }

            Console.WriteLine($"{nodes} sensor clients connected; publishing {nodes * perNodePerSecond} reports/s for {seconds} s");
            long expected = (long)nodes * perNodePerSecond * seconds;
            var run = Stopwatch.StartNew();
            var publishers = new List<Task>();
            const int Workers = 8;
            for (int w = 0; w < Workers; w++)
            {
                int worker = w;
                publishers.Add(Task.Run(async () =>
                {
                    var mine = clients.Where((_, i) => i % Workers == worker).ToArray();
                    var seqs = new long[mine.Length];
                    for (int tick = 0; tick < seconds * perNodePerSecond; tick++)
                    {
                        long due = (long)(tick * 1000.0 / perNodePerSecond);
                        long wait = due - run.ElapsedMilliseconds;
                        if (wait > 0)
                        {
                            await Task.Delay((int)wait).ConfigureAwait(false);
                        }

                        var sends = new List<Task>(mine.Length);
                        for (int k = 0; k < mine.Length; k++)
                        {
                            long seq = ++seqs[k];
                            string payload = "{\"ep\":1,\"floor\":1,\"seq\":" + seq + ",\"t\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
                                + ",\"up\":1000,\"type\":\"reading\",\"rain\":{\"mm10m\":0.20,\"mm1h\":1.40,\"rate_mmh\":1.20,\"signal\":\"none\"},\"depth\":{\"mm\":42,\"q\":\"ok\",\"level\":\"none\",\"raw\":2958},\"batt_mv\":3900,\"faults\":[]}";
                            sends.Add(mine[k].Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("tocsin/v1/node/" + mine[k].Id + "/report")
                                .WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
                        }

                        await Task.WhenAll(sends).ConfigureAwait(false);
                    }
                }));
            }

            await Task.WhenAll(publishers).ConfigureAwait(false);
            double publishSeconds = run.Elapsed.TotalSeconds;
            var drain = Stopwatch.StartNew();
            while (Interlocked.Read(ref committed) < expected && drain.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50).ConfigureAwait(false);
            }

            double[] sorted = await engine.Run(() => latencies.Order().ToArray()).ConfigureAwait(false);
            Console.WriteLine($"published {expected} reports in {publishSeconds:F1} s ({expected / publishSeconds:F0}/s offered), committed {committed} ({expected - committed} missing), drained {drain.Elapsed.TotalSeconds:F1} s after the last publish");
            Console.WriteLine($"publish-to-commit: p50 {P(sorted, 0.5):F0} ms, p99 {P(sorted, 0.99):F0} ms, max {(sorted.Length == 0 ? 0 : sorted[^1]):F0} ms (target p99 <= 500 ms)");
        }
        finally
        {
            foreach (var (client, _) in clients)
            {
                client.Dispose();
            }
        }
    }

    private static double P(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
