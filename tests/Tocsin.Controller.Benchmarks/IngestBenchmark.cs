using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Nodes;
using Tocsin.Controller.Storage;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// Sustained ingest: N sensor-node clients (in a second process) each publish reports at a fixed
/// rate; the controller's commit hook gives publish-to-commit latency per message from the "t" each
/// report carries. The baseline is the same run's offered rate: what the clients managed to publish.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task RunAsync(int nodes, int perNodePerSecond, int seconds)
    {
        await using BenchController controller = await BenchController.StartAsync().ConfigureAwait(false);
        var engine = controller.App.Services.GetRequiredService<ControllerEngine>();
        var latencies = new List<double>(nodes * perNodePerSecond * seconds);
        long committed = 0;
        engine.Committed += messages =>
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (StoredMessage m in messages)
            {
                latencies.Add(now - (m.MeasuredUtcMs ?? now));
            }

            Interlocked.Add(ref committed, messages.Count);
        };
        await using NodeClientsProcess clients = NodeClientsProcess.Start();
        var registered = await BenchNodes.RegisterAsync(engine, NodeKind.Sensor, nodes, controller.MqttPort).ConfigureAwait(false);
        await clients.SendAllAsync(registered.Select(n => "sensor " + n.Id + " " + n.Password).ToList()).ConfigureAwait(false);
        string[] connected = await clients.AskAsync("connect " + controller.MqttPort, "connected").ConfigureAwait(false);
        Console.WriteLine($"{nodes} sensor clients connected (second process) in {connected[0]} s; publishing {nodes * perNodePerSecond} reports/s for {seconds} s");

        // A warm-up at the same rate lets the JIT finish tiering the hot paths, then the figures start afresh.
        int warmUpSeconds = Math.Min(10, seconds);
        string[] warm = await clients.AskAsync("publish " + perNodePerSecond + " " + warmUpSeconds, "published").ConfigureAwait(false);
        var settle = Stopwatch.StartNew();
        while (Interlocked.Read(ref committed) < NodeClientsProcess.Long(warm[0]) && settle.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        await engine.Run(() =>
        {
            latencies.Clear();
            committed = 0;
            return true;
        }).ConfigureAwait(false);
        Console.WriteLine($"warm-up: {warm[0]} reports in {warm[1]} s, committed {settle.Elapsed.TotalSeconds:F1} s after the last publish");

        long cpu0 = Process.GetCurrentProcess().TotalProcessorTime.Ticks;
        string[] published = await clients.AskAsync("publish " + perNodePerSecond + " " + seconds, "published").ConfigureAwait(false);
        long expected = NodeClientsProcess.Long(published[0]);
        double publishSeconds = double.Parse(published[1], CultureInfo.InvariantCulture);
        long committedAtLastPublish = Interlocked.Read(ref committed);
        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref committed) < expected && drain.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        double cpuSeconds = TimeSpan.FromTicks(Process.GetCurrentProcess().TotalProcessorTime.Ticks - cpu0).TotalSeconds;
        double[] sorted = await engine.Run(() => latencies.Order().ToArray()).ConfigureAwait(false);
        long total = Interlocked.Read(ref committed);
        Console.WriteLine($"offered (baseline): {expected} reports in {publishSeconds:F1} s = {expected / publishSeconds:F0}/s ({published[2]} ticks started over 100 ms late)");
        Console.WriteLine($"committed: {committedAtLastPublish / publishSeconds:F0}/s while publishing ({(double)committedAtLastPublish / expected:P1} of offered), {total} in all ({expected - total} missing), drained {drain.Elapsed.TotalSeconds:F1} s after the last publish");
        Console.WriteLine($"publish-to-commit: p50 {P(sorted, 0.5):F0} ms, p99 {P(sorted, 0.99):F0} ms, max {(sorted.Length == 0 ? 0 : sorted[^1]):F0} ms (target p99 <= 500 ms)");
        Console.WriteLine($"controller process CPU: {cpuSeconds * 1e6 / Math.Max(1, total):F0} us per report (broker and engine; dropped inbound {engine.DroppedInbound})");
    }

    private static double P(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
