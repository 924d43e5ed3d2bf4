namespace Tocsin.Firmware.Security;

/// <summary>Comparison whose duration does not depend on where the inputs differ (no MAC oracle).</summary>
public static class ConstantTime
{
    /// <summary>True when the two ranges hold the same bytes.</summary>
    public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
    {
        int diff = 0;
        for (int i = 0; i < count; i++)
        {
            diff |= a[aOffset + i] ^ b[bOffset + i];
        }

        return diff == 0;
    }
}
