using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>Append-only record of who did what: sign-ins, registrations, alert actions, refusals.</summary>
public sealed class AuditLog : IAuditLog
{
    private readonly SqliteDatabase _db;
    private readonly TimeProvider _time;

    /// <summary>Creates the log.</summary>
    public AuditLog(SqliteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>Appends one entry.</summary>
    public void Append(string actor, string action, string subject, string detail = "")
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO audit (at_utc, actor, action, subject, detail) VALUES ($t, $a, $x, $s, $d)";
        cmd.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$a", actor);
        cmd.Parameters.AddWithValue("$x", action);
        cmd.Parameters.AddWithValue("$s", subject);
        cmd.Parameters.AddWithValue("$d", detail);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The newest entries, newest first, optionally for one subject.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit, string? subject = null)
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, at_utc, actor, action, subject, detail FROM audit WHERE ($s IS NULL OR subject = $s) ORDER BY id DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$s", (object?)subject ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$l", Math.Clamp(limit, 1, 10_000));
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
        {
            list.Add(new AuditEntry(r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)));
        }

        return list;
    }
}
