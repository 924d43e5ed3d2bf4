namespace Tocsin.Controller.FanOut;

/// <summary>A <see cref="DeliveryLedger"/>'s whole state as plain data, for the host to persist and restore.</summary>
/// <param name="Commands">Commands tracked, with their bytes (resends re-sign them).</param>
/// <param name="Retired">Commands no longer resent.</param>
/// <param name="Deliveries">Every (command, node) delivery.</param>
public sealed record DeliveryLedgerSnapshot(IReadOnlyList<FanOutCommand> Commands, IReadOnlyList<string> Retired, IReadOnlyList<NodeDelivery> Deliveries);
