using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Nodes;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// The engine's ingest cost alone: reports handed to it as fast as it takes them (no MQTT), the
/// rate it commits them at, and what that leaves of a core for the broker at 10,000 reports/s.
/// </summary>
internal static class EngineIngestBenchmark
{
    public static async Task RunAsync(int nodes, int reports)
    {
        var transport = new CountingTransport();
        await using BenchController controller = await BenchController.StartAsync(transport).ConfigureAwait(false);
        var engine = controller.App.Services.GetRequiredService<ControllerEngine>();
        long committed = 0;
        engine.Committed += messages => committed += messages.Count;
        string[] communities = engine.Map!.Communities.Select(c => c.Id).ToArray();
        var ids = new string[nodes];
        for (int i = 0; i < nodes; i++)
        {
            string community = communities[i % communities.Length];
            ids[i] = "sn-" + community + "-" + (i / communities.Length).ToString("D3", CultureInfo.InvariantCulture);
            await engine.Run(() => engine.Register(new NodeRegistration(ids[i], NodeKind.Sensor, community), [], "bench")).ConfigureAwait(false);
        }

        var topics = ids.Select(id => "tocsin/v1/node/" + id + "/report").ToArray();
        var seqs = new long[nodes];
        var run = Stopwatch.StartNew();
        long cpu0 = Process.GetCurrentProcess().TotalProcessorTime.Ticks;
        long allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        int gen2Before = GC.CollectionCount(2);
        for (int k = 0; k < reports; k++)
        {
            int n = k % nodes;
            string payload = "{\"ep\":1,\"floor\":1,\"seq\":" + (++seqs[n]) + ",\"t\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
                + ",\"up\":1000,\"type\":\"reading\",\"rain\":{\"mm10m\":0.20,\"mm1h\":1.40,\"rate_mmh\":1.20,\"signal\":\"none\"},\"depth\":{\"mm\":42,\"q\":\"ok\",\"level\":\"none\",\"raw\":2958},\"batt_mv\":3900,\"faults\":[]}";
            transport.Deliver(new InboundMessage(ids[n], topics[n], Encoding.UTF8.GetBytes(payload), false, DateTimeOffset.UtcNow));
            if (k % 5000 == 4999)
            {
                // Keeps the engine's inbound queue from filling (it would refuse, as it does to a flood).
                while (k + 1 - Interlocked.Read(ref committed) > 50_000)
                {
                    await Task.Delay(1).ConfigureAwait(false);
                }
            }
        }

        while (Interlocked.Read(ref committed) < reports && run.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(1).ConfigureAwait(false);
        }

        double seconds = run.Elapsed.TotalSeconds;
        double cpuSeconds = TimeSpan.FromTicks(Process.GetCurrentProcess().TotalProcessorTime.Ticks - cpu0).TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        Console.WriteLine($"engine only ({nodes} nodes, no MQTT): {reports} reports committed in {seconds:F2} s = {reports / seconds:F0}/s; "
            + $"{cpuSeconds * 1e6 / reports:F1} us CPU and {allocated / (double)reports:F0} B allocated per report (generator included, ~500 B of it), "
            + $"{GC.CollectionCount(2) - gen2Before} full collections; acknowledgements sent {transport.Sent}");
    }
}
