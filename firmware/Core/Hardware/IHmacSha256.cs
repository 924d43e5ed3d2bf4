namespace Tocsin.Firmware.Hardware;

/// <summary>
/// HMAC-SHA256, the primitive the ESP32 computes natively (mbedTLS) under nanoFramework.
/// Command authentication is built on it because the device has no SHA-256 alone and no
/// public-key signatures.
/// </summary>
public interface IHmacSha256
{
    /// <summary>Returns the 32-byte MAC of <c>data[offset..offset+count)</c> under <paramref name="key"/>.</summary>
    byte[] Compute(byte[] key, byte[] data, int offset, int count);
}
