using BenchmarkDotNet.Running;
using Tocsin.Firmware.Benchmarks;

// "--quick": exact allocation counts in seconds; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--quick")
{
    AllocationProbe.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(NodeMemoryBenchmarks).Assembly).Run(args);
