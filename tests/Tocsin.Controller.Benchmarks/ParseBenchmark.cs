using System.Buffers;
using System.Diagnostics;
using System.Text;
using Tocsin.Controller.Ingest;

namespace Tocsin.Controller.Benchmarks;

/// <summary>
/// Parsing alone: a loudspeaker's heartbeat and a sensor's report as the firmware writes them, parsed
/// over and over on one thread; time and bytes allocated per parse. Every node message the controller
/// takes is parsed once, on the engine's thread.
/// </summary>
internal static class ParseBenchmark
{
    private const string Heartbeat = """{"t":1764000060000,"up_s":3600,"hb_s":300,"rssi":-61,"mem":61440,"ob":{"q":0,"next":42,"drop":0},"rej":0,"cfg":"ok","st":"idle","mains":true,"batt_mv":12650,"tamper":false,"amp":"off","player":"ok","relays":{"amp":false,"zones":[false,false],"fault":0},"faults":[],"held":0}""";
    private const string Report = """{"ep":1,"floor":1,"seq":77,"t":1764000060000,"up":1000,"type":"reading","rain":{"mm10m":0.20,"mm1h":1.40,"rate_mmh":1.20,"signal":"none"},"depth":{"mm":42,"q":"ok","level":"none","raw":2958},"batt_mv":3900,"faults":[]}""";

    public static void Run(int parses)
    {
        foreach (var (leaf, json) in new[] { ("hb", Heartbeat), ("report", Report) })
        {
            var payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json));
            for (int i = 0; i < parses / 10; i++)
            {
                Check(NodeMessageParser.Parse("bn-x-001", leaf, payload));
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < parses; i++)
            {
                Check(NodeMessageParser.Parse("bn-x-001", leaf, payload));
            }

            double ns = watch.Elapsed.TotalMilliseconds * 1e6 / parses;
            long bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / parses;
            Console.WriteLine($"parse {leaf}: {ns:F0} ns and {bytes} B allocated per parse ({parses} parses)");
        }
    }

    private static void Check(MessageParseResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Error);
        }
    }
}
