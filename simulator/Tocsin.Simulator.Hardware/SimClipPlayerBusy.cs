using Tocsin.Firmware.Hardware;

namespace Tocsin.Simulator.Hardware;

/// <summary>The BUSY output of a <see cref="SimClipPlayer"/>: active while a clip plays (polled, no edges).</summary>
public sealed class SimClipPlayerBusy : IDigitalInput
{
    private readonly SimClipPlayer _player;

    /// <summary>Creates the BUSY line of <paramref name="player"/>.</summary>
    public SimClipPlayerBusy(SimClipPlayer player)
    {
        _player = player;
    }

    /// <inheritdoc />
    public event DigitalEdgeHandler? Edge
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public bool Read() => _player.IsPlaying;
}
