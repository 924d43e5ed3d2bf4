using System.Globalization;
using Tocsin.Controller.Benchmarks;

// Usage: fanout [nodes=1000] [rounds=3]  |  ingest [nodes=1000] [reports per node per second=10] [seconds=20]
//        engine [nodes=1000] [reports=200000]  (the engine's ingest alone, no MQTT)
//        parse [parses=2000000]  (parsing a heartbeat and a report alone)
//        clients  (internal: the simulated nodes' process, driven over stdin/stdout)
string mode = args.Length > 0 ? args[0] : "fanout";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (mode)
{
    case "clients":
        await NodeClientsHost.RunAsync(Console.In, Console.Out).ConfigureAwait(false);
        break;
    case "parse":
        ParseBenchmark.Run(Arg(1, 2_000_000));
        break;
    case "engine":
        await EngineIngestBenchmark.RunAsync(Arg(1, 1000), Arg(2, 200_000)).ConfigureAwait(false);
        break;
    case "ingest":
        await IngestBenchmark.RunAsync(Arg(1, 1000), Arg(2, 10), Arg(3, 20)).ConfigureAwait(false);
        break;
    default:
        int first = mode == "fanout" ? 1 : 0;
        await FanOutBenchmark.RunAsync(Arg(first, 1000), Arg(first + 1, 3)).ConfigureAwait(false);
        break;
}
