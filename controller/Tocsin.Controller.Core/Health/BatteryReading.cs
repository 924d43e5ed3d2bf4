namespace Tocsin.Controller.Health;

/// <summary>
/// One battery voltage reading. A value, not an object of its own: a node's dozen readings then sit
/// in one array, which the trend fit (at every reading) and the health snapshot (every node, every
/// few minutes) read through without a trip to memory per reading.
/// </summary>
/// <param name="At">When it was received.</param>
/// <param name="Millivolts">Battery voltage.</param>
public readonly record struct BatteryReading(DateTimeOffset At, int Millivolts);
