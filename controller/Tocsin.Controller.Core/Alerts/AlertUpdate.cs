namespace Tocsin.Controller.Alerts;

/// <summary>
/// A change to a dispatched alert: level, message and/or expiry (null keeps the current value). Kind,
/// hazard and targets cannot change — an update re-dispatches to the same speakers; anything else is
/// a new alert.
/// </summary>
/// <param name="Level">New level, or null.</param>
/// <param name="Message">New message, or null.</param>
/// <param name="ExpiresAt">New end of validity, or null.</param>
public sealed record AlertUpdate(WarningLevel? Level = null, AlertMessage? Message = null, DateTimeOffset? ExpiresAt = null);
