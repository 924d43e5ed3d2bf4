namespace Tocsin.Simulator.Hardware;

/// <summary>
/// A link whose connection can die without a DISCONNECT packet (power cut, cable pulled): the
/// broker then publishes the node's last will, which a clean <c>Disconnect</c> would suppress.
/// </summary>
public interface ISeverableLink
{
    /// <summary>Drops the connection as a power cut would.</summary>
    void Sever();
}
