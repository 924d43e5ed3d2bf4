using System.Security.Cryptography;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>HMAC-SHA256 from .NET, standing in for the ESP32's native engine.</summary>
public sealed class HostHmacSha256 : IHmacSha256
{
    /// <summary>MACs computed (a cost measure for benchmarks).</summary>
    public int ComputeCount { get; private set; }

    /// <inheritdoc />
    public byte[] Compute(byte[] key, byte[] data, int offset, int count)
    {
        ComputeCount++;
        return HMACSHA256.HashData(key, data.AsSpan(offset, count));
    }
}
