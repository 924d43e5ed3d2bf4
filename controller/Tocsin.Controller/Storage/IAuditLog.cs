namespace Tocsin.Controller.Storage;

/// <summary>Append-only record of who did what.</summary>
public interface IAuditLog
{
    /// <summary>Appends one entry, stamped with the current time.</summary>
    void Append(string actor, string action, string subject, string detail = "");

    /// <summary>The newest entries, newest first, optionally for one subject.</summary>
    IReadOnlyList<AuditEntry> Recent(int limit, string? subject = null);
}
