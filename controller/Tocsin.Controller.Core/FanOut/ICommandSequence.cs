namespace Tocsin.Controller.FanOut;

/// <summary>
/// The controller-wide command sequence ("seq" in every command). Nodes keep a replay window over it,
/// so it must only ever increase, across restarts too: the host implements this over its store and
/// persists each value (or a reserved block) before the command carrying it is sent.
/// </summary>
public interface ICommandSequence
{
    /// <summary>The next unused sequence number (≥ 1, greater than every earlier one).</summary>
    long NextSeq();
}
