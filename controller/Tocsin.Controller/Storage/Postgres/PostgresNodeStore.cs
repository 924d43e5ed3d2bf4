using Npgsql;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>The node registry table in PostgreSQL.</summary>
public sealed class PostgresNodeStore : INodeStore
{
    private const string Columns = "id, kind, community, latitude, longitude, description, covered_population, command_key, password_hash, heard_sensors, revoked, created_utc";
    private readonly PostgresDatabase _db;

    /// <summary>Creates the store.</summary>
    public PostgresNodeStore(PostgresDatabase db)
    {
        _db = db;
    }

    /// <inheritdoc />
    public bool Insert(StoredNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("INSERT INTO nodes (" + Columns + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.Id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.Kind });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.Community });
        cmd.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = node.Latitude });
        cmd.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = node.Longitude });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.Description });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.CoveredPopulation });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.CommandKey });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.PasswordHash });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.HeardSensors.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.Revoked });
        cmd.Parameters.Add(new NpgsqlParameter { Value = node.CreatedUtc.ToUnixTimeMilliseconds() });
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <inheritdoc />
    public bool UpdateSecrets(string id, byte[] commandKey, string passwordHash)
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("UPDATE nodes SET command_key = $2, password_hash = $3, revoked = FALSE WHERE id = $1", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = commandKey });
        cmd.Parameters.Add(new NpgsqlParameter { Value = passwordHash });
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <inheritdoc />
    public bool Revoke(string id)
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("UPDATE nodes SET revoked = TRUE WHERE id = $1", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredNode> All()
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("SELECT " + Columns + " FROM nodes ORDER BY id", c);
        using NpgsqlDataReader r = cmd.ExecuteReader();
        var list = new List<StoredNode>();
        while (r.Read())
        {
            list.Add(new StoredNode(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                r.IsDBNull(3) ? null : r.GetDouble(3),
                r.IsDBNull(4) ? null : r.GetDouble(4),
                r.GetString(5),
                r.GetInt32(6),
                r.GetFieldValue<byte[]>(7),
                r.GetString(8),
                r.GetFieldValue<string[]>(9),
                r.GetBoolean(10),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11))));
        }

        return list;
    }
}
