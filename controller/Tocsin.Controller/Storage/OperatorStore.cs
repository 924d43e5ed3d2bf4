using Microsoft.Data.Sqlite;
using Tocsin.Controller.Auth;

namespace Tocsin.Controller.Storage;

/// <summary>
/// Operators and their sign-in tokens in SQLite, by the rules of <see cref="OperatorCredentials"/>
/// (PBKDF2 password hashes; only the SHA-256 of each token is stored).
/// </summary>
public sealed class OperatorStore : IOperatorStore
{
    private readonly SqliteDatabase _db;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public OperatorStore(SqliteDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>Number of operators.</summary>
    public int Count()
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM operators";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Adds an operator; null on success, else why not.</summary>
    public string? Add(string name, string role, string password)
    {
        string? invalid = OperatorCredentials.Validate(name, role, password);
        if (invalid != null)
        {
            return invalid;
        }

        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO operators (name, role, password_hash, created_utc) VALUES ($n, $r, $h, $t) ON CONFLICT (name) DO NOTHING";
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$r", role);
        cmd.Parameters.AddWithValue("$h", OperatorCredentials.HashPassword(password));
        cmd.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
        return cmd.ExecuteNonQuery() == 1 ? null : "operator '" + name + "' already exists";
    }

    /// <summary>Checks a password and issues a token; null when the name or password is wrong.</summary>
    public (string Token, OperatorSession Session)? SignIn(string name, string password)
    {
        using SqliteConnection c = _db.Open();
        string? role = null;
        string? hash = null;
        using (SqliteCommand find = c.CreateCommand())
        {
            find.CommandText = "SELECT role, password_hash FROM operators WHERE name = $n";
            find.Parameters.AddWithValue("$n", name ?? string.Empty);
            using SqliteDataReader r = find.ExecuteReader();
            if (r.Read())
            {
                role = r.GetString(0);
                hash = r.GetString(1);
            }
        }

        if (!OperatorCredentials.Verify(password, hash) || role == null)
        {
            return null;
        }

        string token = OperatorCredentials.NewToken();
        DateTimeOffset expires = _time.GetUtcNow() + OperatorCredentials.TokenLifetime;
        using SqliteCommand insert = c.CreateCommand();
        insert.CommandText = "INSERT INTO sessions (token_hash, operator, expires_utc) VALUES ($h, $n, $e)";
        insert.Parameters.AddWithValue("$h", OperatorCredentials.TokenHash(token));
        insert.Parameters.AddWithValue("$n", name);
        insert.Parameters.AddWithValue("$e", expires.ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
        return (token, new OperatorSession(name!, role, expires));
    }

    /// <summary>The session a token belongs to, or null when unknown or expired.</summary>
    public OperatorSession? Resolve(string token)
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT o.name, o.role, s.expires_utc FROM sessions s JOIN operators o ON o.name = s.operator WHERE s.token_hash = $h";
        cmd.Parameters.AddWithValue("$h", OperatorCredentials.TokenHash(token));
        using SqliteDataReader r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2));
        return expires <= _time.GetUtcNow() ? null : new OperatorSession(r.GetString(0), r.GetString(1), expires);
    }

    /// <summary>Ends a session.</summary>
    public void SignOut(string token)
    {
        using SqliteConnection c = _db.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM sessions WHERE token_hash = $h";
        cmd.Parameters.AddWithValue("$h", OperatorCredentials.TokenHash(token));
        cmd.ExecuteNonQuery();
    }
}
