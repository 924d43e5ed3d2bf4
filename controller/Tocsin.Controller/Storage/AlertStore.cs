using Microsoft.Data.Sqlite;

namespace Tocsin.Controller.Storage;

/// <summary>Alerts as JSON documents with their state and version as columns for queries.</summary>
public sealed class AlertStore : IAlertStore
{
    private readonly SqliteDatabase _db;

    /// <summary>Creates the store.</summary>
    public AlertStore(SqliteDatabase db)
    {
        _db = db;
    }

    /// <summary>Inserts or replaces an alert.</summary>
    public void Save(string id, string kind, string state, int version, long createdUtcMs, long updatedUtcMs, string json)
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO alerts (id, kind, state, version, created_utc, updated_utc, body_json) VALUES ($i, $k, $s, $v, $c, $u, $j) "
            + "ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = excluded.version, updated_utc = excluded.updated_utc, body_json = excluded.body_json";
        cmd.Parameters.AddWithValue("$i", id);
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$s", state);
        cmd.Parameters.AddWithValue("$v", version);
        cmd.Parameters.AddWithValue("$c", createdUtcMs);
        cmd.Parameters.AddWithValue("$u", updatedUtcMs);
        cmd.Parameters.AddWithValue("$j", json);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Every stored alert's JSON, oldest first.</summary>
    public IReadOnlyList<string> All()
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT body_json FROM alerts ORDER BY created_utc";
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }
}
