namespace Tocsin.Controller.Health;

/// <summary>An <see cref="AlarmBoard"/>'s state as plain data.</summary>
/// <param name="NextId">The next alarm id.</param>
/// <param name="Alarms">Alarms kept (open ones and recent closed ones).</param>
public sealed record AlarmSnapshot(long NextId, IReadOnlyList<OperatorAlarm> Alarms);
