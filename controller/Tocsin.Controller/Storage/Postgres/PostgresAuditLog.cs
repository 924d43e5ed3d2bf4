using Npgsql;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>The append-only audit record in PostgreSQL.</summary>
public sealed class PostgresAuditLog : IAuditLog
{
    private const string Select = "SELECT id, at_utc, actor, action, subject, detail FROM audit";
    private readonly PostgresDatabase _db;
    private readonly TimeProvider _time;

    /// <summary>Creates the log.</summary>
    public PostgresAuditLog(PostgresDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <inheritdoc />
    public void Append(string actor, string action, string subject, string detail = "")
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("INSERT INTO audit (at_utc, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow().ToUnixTimeMilliseconds() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = actor });
        cmd.Parameters.Add(new NpgsqlParameter { Value = action });
        cmd.Parameters.Add(new NpgsqlParameter { Value = subject });
        cmd.Parameters.Add(new NpgsqlParameter { Value = detail });
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Recent(int limit, string? subject = null)
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand(subject == null ? Select + " ORDER BY id DESC LIMIT $1" : Select + " WHERE subject = $2 ORDER BY id DESC LIMIT $1", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, 10_000) });
        if (subject != null)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = subject });
        }

        using NpgsqlDataReader r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
        {
            list.Add(new AuditEntry(r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)));
        }

        return list;
    }
}
