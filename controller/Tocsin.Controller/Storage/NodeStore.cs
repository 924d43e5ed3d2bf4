using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>The node registry table.</summary>
public sealed class NodeStore : INodeStore
{
    private const string Columns = "id, kind, community, latitude, longitude, description, covered_population, command_key, password_hash, heard_sensors, revoked, created_utc";
    private readonly SqliteDatabase _db;

    /// <summary>Creates the store.</summary>
    public NodeStore(SqliteDatabase db)
    {
        _db = db;
    }

    /// <summary>Inserts a node; false when the id is taken.</summary>
    public bool Insert(StoredNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO nodes (" + Columns + ") VALUES ($id, $kind, $community, $lat, $lon, $desc, $pop, $key, $hash, $heard, $revoked, $created) ON CONFLICT (id) DO NOTHING";
        cmd.Parameters.AddWithValue("$id", node.Id);
        cmd.Parameters.AddWithValue("$kind", node.Kind);
        cmd.Parameters.AddWithValue("$community", node.Community);
        cmd.Parameters.AddWithValue("$lat", (object?)node.Latitude ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$lon", (object?)node.Longitude ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$desc", node.Description);
        cmd.Parameters.AddWithValue("$pop", node.CoveredPopulation);
        cmd.Parameters.AddWithValue("$key", node.CommandKey);
        cmd.Parameters.AddWithValue("$hash", node.PasswordHash);
        cmd.Parameters.AddWithValue("$heard", string.Join(',', node.HeardSensors));
        cmd.Parameters.AddWithValue("$revoked", node.Revoked ? 1 : 0);
        cmd.Parameters.AddWithValue("$created", node.CreatedUtc.ToUnixTimeMilliseconds());
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Replaces the password hash and key (re-provisioning); false when unknown.</summary>
    public bool UpdateSecrets(string id, byte[] commandKey, string passwordHash)
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE nodes SET command_key = $key, password_hash = $hash, revoked = 0 WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$key", commandKey);
        cmd.Parameters.AddWithValue("$hash", passwordHash);
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Marks a node revoked; false when unknown.</summary>
    public bool Revoke(string id)
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE nodes SET revoked = 1 WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Every node, ordered by id.</summary>
    public IReadOnlyList<StoredNode> All()
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT " + Columns + " FROM nodes ORDER BY id";
        using SqliteDataReader r = cmd.ExecuteReader();
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
                (byte[])r[7],
                r.GetString(8),
                r.GetString(9).Split(',', StringSplitOptions.RemoveEmptyEntries),
                r.GetInt64(10) != 0,
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11))));
        }

        return list;
    }
}
