using System.Globalization;
using Tocsin.Controller.Benchmarks;

// Usage: fan-out [nodes=1000] [rounds=3]
int nodes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
await FanOutBenchmark.RunAsync(nodes, rounds).ConfigureAwait(false);
