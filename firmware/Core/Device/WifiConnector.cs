using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace Tocsin.Firmware.Device;

/// <summary>
/// Joins the Wi-Fi network at boot for the device Program, through nanoFramework's
/// <c>WifiNetworkHelper</c>.
/// </summary>
public static class WifiConnector
{
    /// <summary>
    /// Connects with DHCP and waits, at most <paramref name="timeoutMs"/>, for an address and
    /// for SNTP to set the clock. Returns false on timeout or error; the node runs either way.
    /// </summary>
    /// <remarks>
    /// <para>requiresDateTime makes the helper wait for SNTP, which is what lets DeviceClock
    /// trust UTC. False can also mean the network came up but SNTP had not answered yet; the
    /// clock becomes trusted later on its own.</para>
    /// <para>The timeout is not optional: without a cancellation token the helper waits for an
    /// address forever, so a wrong password or a dead access point would hang the board before
    /// its serial console starts, and the node could not be reprovisioned in the field.</para>
    /// <para>With <see cref="WifiReconnectionKind.Automatic"/> the Wi-Fi driver keeps retrying
    /// after a failure or a later drop, so call this once at boot, not in a retry loop.</para>
    /// </remarks>
    public static bool ConnectDhcp(string ssid, string password, int timeoutMs)
    {
        try
        {
            using (var timeout = new CancellationTokenSource(timeoutMs))
            {
                return WifiNetworkHelper.ConnectDhcp(
                    ssid,
                    password,
                    WifiReconnectionKind.Automatic,
                    requiresDateTime: true,
                    token: timeout.Token);
            }
        }
        catch (Exception)
        {
            // The helper reports most failures as false; anything thrown means the same to us.
            return false;
        }
    }
}
