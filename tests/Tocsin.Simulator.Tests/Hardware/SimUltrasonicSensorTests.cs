using Tocsin.Simulator.Hardware;
using Xunit;

namespace Tocsin.Simulator.Tests.Hardware;

/// <summary>The simulated A02 sensor's byte stream: whole frames, in order, however the UART is read.</summary>
public sealed class SimUltrasonicSensorTests
{
    [Fact]
    public void Short_reads_return_the_frames_bytes_in_order_and_lose_none()
    {
        var clock = new SimClock(0);
        var sensor = new SimUltrasonicSensor(clock, mountMm: 2000) { WaterDepthMm = 300 };
        clock.Advance(450);
        var got = new List<byte>();
        var buffer = new byte[3];
        int n;
        while ((n = sensor.Read(buffer, 0, buffer.Length)) > 0)
        {
            got.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        // Frames at 0, 100, ... 400 ms: five of them, each 0xFF, distance high, low, checksum.
        byte[] frame = [0xFF, 1700 >> 8, 1700 & 0xFF, (byte)((0xFF + (1700 >> 8) + (1700 & 0xFF)) & 0xFF)];
        Assert.Equal(5, sensor.FramesSent);
        Assert.Equal(Enumerable.Repeat(frame, 5).SelectMany(f => f), got);
    }

    [Fact]
    public void A_long_gap_between_reads_yields_at_most_the_last_second_of_frames()
    {
        var clock = new SimClock(0);
        var sensor = new SimUltrasonicSensor(clock, mountMm: 2000);
        clock.Advance(60_000);
        var buffer = new byte[256];
        int n = sensor.Read(buffer, 0, buffer.Length);
        Assert.Equal(11 * 4, n);
        Assert.Equal(0, sensor.Read(buffer, 0, buffer.Length));
    }
}
