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
        RunSensor();
        BroadcastAllocationProbe.Run();
    }

    private static void RunSensor()
    {
        // Steady state without reports: the report period is an hour and the measured stretch is shorter.
        var quiet = new SensorBenchNode(3600);
        for (int i = 0; i < 6_000; i++)
        {
            quiet.Tick();
        }

        const int ticks = 30_000; // 50 virtual minutes of 100 ms ticks: readings, tips, minute rollovers, heartbeats
        long reportsBefore = quiet.Module.ReportCount;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < ticks; i++)
        {
            quiet.Tick();
        }

        long quietBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        if (Environment.GetEnvironmentVariable("TOCSIN_TRACE_ALLOC") == "1")
        {
            for (int i = 0; i < ticks; i++)
            {
                long b = GC.GetAllocatedBytesForCurrentThread();
                quiet.Tick();
                long d = GC.GetAllocatedBytesForCurrentThread() - b;
                if (d > 0)
                {
                    System.Console.WriteLine($"  tick {i}: {d} bytes");
                }
            }
        }

        System.Console.WriteLine($"sensor tick without a report: {(double)quietBytes / ticks:F3} bytes/tick over {ticks:N0} ticks (reports in that stretch: {quiet.Module.ReportCount - reportsBefore})");

        // Reporting every minute: the extra bytes over the quiet baseline are what the reports cost.
        var busy = new SensorBenchNode(60);
        for (int i = 0; i < 6_000; i++)
        {
            busy.Tick();
        }

        int reports0 = busy.Module.ReportCount;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < ticks; i++)
        {
            busy.Tick();
        }

        long busyBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        int reports = busy.Module.ReportCount - reports0;
        System.Console.WriteLine($"sensor report: {(double)(busyBytes - quietBytes) / reports:F0} bytes/report over {reports} reports (written, stored, sent, acknowledged)");
    }
}
