using System.Globalization;
using Tocsin.Controller.Benchmarks;

// Usage: fanout [nodes=1000] [rounds=3]  |  ingest [nodes=1000] [reports per node per second=10] [seconds=20]
string mode = args.Length > 0 ? args[0] : "fanout";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
if (mode == "ingest")
{
    await IngestBenchmark.RunAsync(Arg(1, 1000), Arg(2, 10), Arg(3, 20)).ConfigureAwait(false);
}
else
{
    await FanOutBenchmark.RunAsync(Arg(1, 1000), Arg(2, 3)).ConfigureAwait(false);
}
