using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// Sensor nodes publishing reports (outbox format, QoS 1) on a fixed schedule. Each report carries
/// its publish time in "t", which the controller's process compares with its commit time.
/// </summary>
internal sealed class SensorPublisher
{
    // Several workers so one slow publish (a full socket buffer) does not hold up every node's tick.
    private const int Workers = 8;
    private readonly IReadOnlyList<IMqttClient> _clients;
    private readonly string[] _ids;

    // Each node's outbox sequence carries on from one run to the next (a warm-up, then the measurement).
    private readonly long[] _seqs;

    public SensorPublisher(IReadOnlyList<IMqttClient> clients, string[] ids)
    {
        _clients = clients;
        _ids = ids;
        _seqs = new long[clients.Count];
    }

    public async Task<string> RunAsync(int perNodePerSecond, int seconds)
    {
        IReadOnlyList<IMqttClient> clients = _clients;
        string[] ids = _ids;
        long[] seqs = _seqs;
        var run = Stopwatch.StartNew();
        long late = 0;
        var publishers = new List<Task>();
        for (int w = 0; w < Workers; w++)
        {
            int worker = w;
            publishers.Add(Task.Run(async () =>
            {
                int[] mine = Enumerable.Range(0, clients.Count).Where(i => i % Workers == worker).ToArray();
                string[] topics = mine.Select(i => "tocsin/v1/node/" + ids[i] + "/report").ToArray();
                var sends = new Task[mine.Length];
                for (int tick = 0; tick < seconds * perNodePerSecond; tick++)
                {
                    long due = (long)(tick * 1000.0 / perNodePerSecond);
                    long wait = due - run.ElapsedMilliseconds;
                    if (wait > 0)
                    {
                        await Task.Delay((int)wait).ConfigureAwait(false);
                    }
                    else if (wait < -100)
                    {
                        Interlocked.Increment(ref late);
                    }

                    for (int k = 0; k < mine.Length; k++)
                    {
                        string payload = "{\"ep\":1,\"floor\":1,\"seq\":" + Interlocked.Increment(ref seqs[mine[k]]).ToString(CultureInfo.InvariantCulture) + ",\"t\":"
                            + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
                            + ",\"up\":1000,\"type\":\"reading\",\"rain\":{\"mm10m\":0.20,\"mm1h\":1.40,\"rate_mmh\":1.20,\"signal\":\"none\"},\"depth\":{\"mm\":42,\"q\":\"ok\",\"level\":\"none\",\"raw\":2958},\"batt_mv\":3900,\"faults\":[]}";
                        sends[k] = clients[mine[k]].PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topics[k])
                            .WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                    }

                    await Task.WhenAll(sends).ConfigureAwait(false);
                }
            }));
        }

        await Task.WhenAll(publishers).ConfigureAwait(false);
        long count = (long)clients.Count * perNodePerSecond * seconds;
        return "published " + count.ToString(CultureInfo.InvariantCulture) + " " + run.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)
            + " " + late.ToString(CultureInfo.InvariantCulture);
    }
}
