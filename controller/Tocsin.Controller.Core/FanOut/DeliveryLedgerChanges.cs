namespace Tocsin.Controller.FanOut;

/// <summary>What changed in a <see cref="DeliveryLedger"/> since the host last saved it.</summary>
/// <param name="Changed">Commands whose state changed (save them again).</param>
/// <param name="Forgotten">Commands the ledger dropped (delete what was saved of them).</param>
public sealed record DeliveryLedgerChanges(IReadOnlyList<string> Changed, IReadOnlyList<string> Forgotten);
