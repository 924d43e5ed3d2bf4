using System.Diagnostics;
using System.Globalization;
using MQTTnet;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// The simulated nodes' side of a benchmark, run in a second process (the "clients" mode) so each
/// process holds one end of every socket: 10,000 nodes need 20,000 descriptors in one process, the
/// machine's limit. Commands come one a line on stdin; each is answered one a line on stdout.
/// </summary>
internal static class NodeClientsHost
{
    public static async Task RunAsync(TextReader input, TextWriter output)
    {
        var factory = new MqttClientFactory();
        var broadcast = new List<BenchNodeClient>();
        var sensors = new List<(string Id, string Password)>();
        var sensorClients = new List<IMqttClient>();
        SensorPublisher? publisher = null;
        try
        {
            while (await input.ReadLineAsync().ConfigureAwait(false) is string line)
            {
                string[] w = line.Split(' ');
                string reply = w[0] switch
                {
                    "broadcast" => Add(() => broadcast.Add(new BenchNodeClient(factory, w[1], w[2], w[3]))),
                    "sensor" => Add(() => sensors.Add((w[1], w[2]))),
                    "connect" => await ConnectAsync(factory, broadcast, sensors, sensorClients, Int(w[1])).ConfigureAwait(false),
                    "reset" => Reset(broadcast),
                    "answer" => Add(() => broadcast.ForEach(c => c.Answer = w[1] == "on")),
                    "await-baseline" => "baseline " + Ts(await WaitAllAsync(broadcast, c => c.BaselineAt).ConfigureAwait(false)),
                    "await-commands" => await CommandsAsync(broadcast).ConfigureAwait(false),
                    "release" => await ReleaseAsync(broadcast).ConfigureAwait(false),
                    "publish" => await (publisher ??= new SensorPublisher(sensorClients, sensors.Select(s => s.Id).ToArray())).RunAsync(Int(w[1]), Int(w[2])).ConfigureAwait(false),
                    "quit" => "bye",
                    _ => "error unknown command " + w[0],
                };
                await output.WriteLineAsync(reply).ConfigureAwait(false);
                await output.FlushAsync().ConfigureAwait(false);
                if (reply == "bye")
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (BenchNodeClient c in broadcast)
            {
                await c.DisposeAsync().ConfigureAwait(false);
            }

            sensorClients.ForEach(c => c.Dispose());
        }
    }

    private static string Add(Action add)
    {
        add();
        return "ok";
    }

    private static string Reset(List<BenchNodeClient> clients)
    {
        foreach (BenchNodeClient c in clients)
        {
            c.FirstCommandAt = 0;
            c.BaselineAt = 0;
        }

        return "ok";
    }

    private static async Task<string> ConnectAsync(MqttClientFactory factory, List<BenchNodeClient> broadcast, List<(string Id, string Password)> sensors, List<IMqttClient> sensorClients, int port)
    {
        var clock = Stopwatch.StartNew();
        foreach (BenchNodeClient[] chunk in broadcast.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(c => c.ConnectAsync(port))).ConfigureAwait(false);
        }

        foreach ((string Id, string Password)[] chunk in sensors.Chunk(100))
        {
            IMqttClient[] clients = chunk.Select(_ => factory.CreateMqttClient()).ToArray();
            await Task.WhenAll(chunk.Select((s, i) => clients[i].ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(s.Id)
                .WithCredentials(s.Id, s.Password).WithTimeout(TimeSpan.FromSeconds(60)).Build()))).ConfigureAwait(false);
            sensorClients.AddRange(clients);
        }

        return "connected " + clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
    }

    private static async Task<string> CommandsAsync(List<BenchNodeClient> clients)
    {
        await WaitAllAsync(clients, c => c.FirstCommandAt).ConfigureAwait(false);
        long[] at = clients.Select(c => c.FirstCommandAt).Order().ToArray();
        return "commands " + Ts(Percentile(at, 0.50)) + " " + Ts(Percentile(at, 0.99)) + " " + Ts(at[^1]);
    }

    private static async Task<string> ReleaseAsync(List<BenchNodeClient> clients)
    {
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(c => c.ReleaseAsync())).ConfigureAwait(false);
        return "released " + Ts(start) + " " + Ts(Stopwatch.GetTimestamp());
    }

    private static async Task<long> WaitAllAsync(List<BenchNodeClient> clients, Func<BenchNodeClient, long> at)
    {
        var limit = Stopwatch.StartNew();
        while (clients.Any(c => at(c) == 0))
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException("nodes still waiting: " + clients.Count(c => at(c) == 0));
            }

            await Task.Delay(2).ConfigureAwait(false);
        }

        return clients.Max(at);
    }

    private static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Ts(long timestamp) => timestamp.ToString(CultureInfo.InvariantCulture);

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
