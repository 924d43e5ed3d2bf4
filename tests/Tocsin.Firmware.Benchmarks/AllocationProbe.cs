namespace Tocsin.Firmware.Benchmarks;

/// <summary>
/// A quick allocation count without BenchmarkDotNet (seconds instead of minutes), using the
/// runtime's exact per-thread allocation counter over many operations.
/// </summary>
internal static class AllocationProbe
{
    public static void Run()
    {
        var node = new BenchNode();
        for (int i = 0; i < 10_000; i++)
        {
            node.Tick();
        }

        const int ticks = 1_000_000;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < ticks; i++)
        {
            node.Tick();
        }

        long idleBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        System.Console.WriteLine($"idle tick: {(double)idleBytes / ticks:F3} bytes/tick over {ticks:N0} ticks ({ticks * 10 / 1000 / 60:N0} virtual minutes, heartbeats included)");

        const int commands = 5_000;
        var messages = node.SignedPings(commands);
        for (int i = 0; i < 200; i++)
        {
            node.Handle(messages[i]);
        }

        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 200; i < commands; i++)
        {
            node.Handle(messages[i]);
        }

        long commandBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        System.Console.WriteLine($"handled command: {(double)commandBytes / (commands - 200):F0} bytes/command (verify, act, result through the outbox, ack)");
        System.Console.WriteLine($"commands accepted: {node.Runtime.CommandsAccepted}, publishes: {node.Link.PublishCount}");
    }
}
