using System;
using System.Security.Cryptography;
using Tocsin.Firmware.Hardware;

namespace Tocsin.Firmware.Device;

/// <summary>
/// <see cref="IHmacSha256"/> on the ESP32's native mbedTLS through
/// <c>HMACSHA256.HashData(key, source)</c>: interpreted IL would take far longer per command
/// than the native call.
/// </summary>
public sealed class NativeHmacSha256 : IHmacSha256
{
    /// <inheritdoc />
    public byte[] Compute(byte[] key, byte[] data, int offset, int count)
    {
        // HashData takes a whole array; copy only when the range is a part of it.
        byte[] source = data;
        if (offset != 0 || count != data.Length)
        {
            source = new byte[count];
            Array.Copy(data, offset, source, 0, count);
        }

        return HMACSHA256.HashData(key, source);
    }
}
