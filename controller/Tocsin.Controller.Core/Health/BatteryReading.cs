namespace Tocsin.Controller.Health;

/// <summary>One battery voltage reading.</summary>
/// <param name="At">When it was received.</param>
/// <param name="Millivolts">Battery voltage.</param>
public sealed record BatteryReading(DateTimeOffset At, int Millivolts);
