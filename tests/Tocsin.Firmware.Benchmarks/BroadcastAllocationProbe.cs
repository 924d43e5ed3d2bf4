namespace Tocsin.Firmware.Benchmarks;

/// <summary>
/// Bytes the broadcast node allocates per tick: idle (input sampling, player polls, heartbeats),
/// while the siren sounds (a new tone frequency every tick, current supervision) and while a clip
/// plays (status polls over the UART every 2 s). State changes (results, events) are not in the
/// measured stretches; they cost what a handled command costs.
/// </summary>
internal static class BroadcastAllocationProbe
{
    public static void Run()
    {
        var node = new BroadcastBenchNode();
        Warm(node, 10_000);
        const int idleTicks = 100_000;
        long idle = Measure(node, idleTicks);
        System.Console.WriteLine($"broadcast idle tick: {(double)idle / idleTicks:F3} bytes/tick over {idleTicks:N0} ticks ({idleTicks * BroadcastBenchNode.TickMs / 60_000:N0} virtual minutes, player polls and heartbeats included)");

        node.Broadcast("wail", 300);
        Warm(node, 500);
        const int sirenTicks = 10_000;
        bool sounding = node.Module.Chain.IsReady;
        long siren = Measure(node, sirenTicks);
        System.Console.WriteLine($"broadcast siren tick: {(double)siren / sirenTicks:F3} bytes/tick over {sirenTicks:N0} ticks (wail, supervised; chain ready: {sounding})");

        Warm(node, 5_500);
        const int clipTicks = 10_000;
        int track = node.Player.CurrentTrack;
        long clip = Measure(node, clipTicks);
        System.Console.WriteLine($"broadcast clip tick: {(double)clip / clipTicks:F3} bytes/tick over {clipTicks:N0} ticks (clip {track} playing, polled every 2 s)");
    }

    private static void Warm(BroadcastBenchNode node, int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            node.Tick();
        }
    }

    private static long Measure(BroadcastBenchNode node, int ticks)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < ticks; i++)
        {
            node.Tick();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
