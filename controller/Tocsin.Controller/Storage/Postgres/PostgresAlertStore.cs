using Npgsql;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>Alerts as JSON documents in PostgreSQL, with their state and version as columns for queries.</summary>
public sealed class PostgresAlertStore : IAlertStore
{
    private readonly PostgresDatabase _db;

    /// <summary>Creates the store.</summary>
    public PostgresAlertStore(PostgresDatabase db)
    {
        _db = db;
    }

    /// <inheritdoc />
    public void Save(string id, string kind, string state, int version, long createdUtcMs, long updatedUtcMs, string json)
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("INSERT INTO alerts (id, kind, state, version, created_utc, updated_utc, body_json) VALUES ($1, $2, $3, $4, $5, $6, $7) "
            + "ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = excluded.version, updated_utc = excluded.updated_utc, body_json = excluded.body_json", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = kind });
        cmd.Parameters.Add(new NpgsqlParameter { Value = state });
        cmd.Parameters.Add(new NpgsqlParameter { Value = version });
        cmd.Parameters.Add(new NpgsqlParameter { Value = createdUtcMs });
        cmd.Parameters.Add(new NpgsqlParameter { Value = updatedUtcMs });
        cmd.Parameters.Add(new NpgsqlParameter { Value = json });
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> All()
    {
        using NpgsqlConnection c = _db.Open();
        // The id breaks ties so alerts created in the same millisecond load in a stable order.
        using var cmd = new NpgsqlCommand("SELECT body_json FROM alerts ORDER BY created_utc, id", c);
        using NpgsqlDataReader r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }
}
