using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>
/// An A02YYUW-class ultrasonic sensor on a UART: in auto mode it sends a 4-byte frame
/// (0xFF, distance high, low, checksum) every 100 ms of virtual time. The distance comes from the
/// water depth below it; faults: noise, single-sample blips, drift, silence, a stuck value.
/// </summary>
public sealed class SimUltrasonicSensor : ISerialLine
{
    /// <summary>Auto-mode output period.</summary>
    public const long FramePeriodMs = 100;

    private readonly SimClock _clock;
    private readonly Random _random;
    // Bytes sent and not yet read, oldest first: at most a second of frames and what a short read left.
    private byte[] _out = new byte[64];
    private int _outCount;
    private long _nextFrameMs;

    /// <summary>Creates a sensor mounted <paramref name="mountMm"/> above dry ground.</summary>
    public SimUltrasonicSensor(SimClock clock, int mountMm, int seed = 1)
    {
        _clock = clock;
        MountMm = mountMm;
        _random = new Random(seed);
    }

    /// <summary>Height of the sensor face above dry ground.</summary>
    public int MountMm { get; set; }

    /// <summary>Water depth below the sensor now.</summary>
    public int WaterDepthMm { get; set; }

    /// <summary>Uniform noise amplitude (±mm) per frame.</summary>
    public int NoiseMm { get; set; }

    /// <summary>Chance per frame of a wild reading (spray, an insect).</summary>
    public double BlipProbability { get; set; }

    /// <summary>Added to every distance (a sun-heated housing reads long or short).</summary>
    public int DriftMm { get; set; }

    /// <summary>When true the sensor sends nothing (unplugged, dead).</summary>
    public bool Silent { get; set; }

    /// <summary>When set, every frame carries this distance (a stuck sensor).</summary>
    public int? StuckDistanceMm { get; set; }

    /// <summary>Corrupt every n-th frame's checksum (0 = never).</summary>
    public int CorruptEvery { get; set; }

    /// <summary>Frames sent.</summary>
    public int FramesSent { get; private set; }

    /// <inheritdoc />
    /// <remarks>
    /// This line keeps the newest second of frames and drops older ones, so it never loses what came
    /// last; a test sets it to model a board's buffer that filled up.
    /// </remarks>
    public int OverflowCount { get; set; }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        long now = _clock.MonotonicMs();
        if (_nextFrameMs < now - 1000)
        {
            _nextFrameMs = now - 1000;
        }

        while (_nextFrameMs <= now)
        {
            _nextFrameMs += FramePeriodMs;
            if (!Silent)
            {
                EmitFrame();
            }
        }

        int n = Math.Min(count, _outCount);
        Array.Copy(_out, 0, buffer, offset, n);
        _outCount -= n;
        Array.Copy(_out, n, _out, 0, _outCount);
        return n;
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        // Auto-mode sensors ignore what is sent to them.
    }

    private void EmitFrame()
    {
        int distance = StuckDistanceMm ?? (MountMm - WaterDepthMm + DriftMm + (NoiseMm == 0 ? 0 : _random.Next(-NoiseMm, NoiseMm + 1)));
        if (BlipProbability > 0 && _random.NextDouble() < BlipProbability)
        {
            distance = _random.Next(30, 400);
        }

        distance = Math.Clamp(distance, 0, 0xFFFF);
        byte high = (byte)(distance >> 8);
        byte low = (byte)distance;
        byte sum = (byte)((0xFF + high + low) & 0xFF);
        FramesSent++;
        if (CorruptEvery > 0 && FramesSent % CorruptEvery == 0)
        {
            sum ^= 0x01;
        }

        if (_outCount + 4 > _out.Length)
        {
            Array.Resize(ref _out, _out.Length * 2);
        }

        _out[_outCount] = 0xFF;
        _out[_outCount + 1] = high;
        _out[_outCount + 2] = low;
        _out[_outCount + 3] = sum;
        _outCount += 4;
    }
}
