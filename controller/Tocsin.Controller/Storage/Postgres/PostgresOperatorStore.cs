using Npgsql;
using Tocsin.Controller.Auth;

namespace Tocsin.Controller.Storage.Postgres;

/// <summary>
/// Operators and their sign-in tokens in PostgreSQL, by the rules of <see cref="OperatorCredentials"/>
/// (PBKDF2 password hashes; only the SHA-256 of each token is stored).
/// </summary>
public sealed class PostgresOperatorStore : IOperatorStore
{
    private readonly PostgresDatabase _db;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public PostgresOperatorStore(PostgresDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <inheritdoc />
    public int Count()
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM operators", c);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public string? Add(string name, string role, string password)
    {
        string? invalid = OperatorCredentials.Validate(name, role, password);
        if (invalid != null)
        {
            return invalid;
        }

        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("INSERT INTO operators (name, role, password_hash, created_utc) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = role });
        cmd.Parameters.Add(new NpgsqlParameter { Value = OperatorCredentials.HashPassword(password) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow().ToUnixTimeMilliseconds() });
        return cmd.ExecuteNonQuery() == 1 ? null : "operator '" + name + "' already exists";
    }

    /// <inheritdoc />
    public (string Token, OperatorSession Session)? SignIn(string name, string password)
    {
        using NpgsqlConnection c = _db.Open();
        string? role = null;
        string? hash = null;
        using (var find = new NpgsqlCommand("SELECT role, password_hash FROM operators WHERE name = $1", c))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = name ?? string.Empty });
            using NpgsqlDataReader r = find.ExecuteReader();
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
        using var insert = new NpgsqlCommand("INSERT INTO sessions (token_hash, operator, expires_utc) VALUES ($1, $2, $3)", c);
        insert.Parameters.Add(new NpgsqlParameter { Value = OperatorCredentials.TokenHash(token) });
        insert.Parameters.Add(new NpgsqlParameter { Value = name! });
        insert.Parameters.Add(new NpgsqlParameter { Value = expires.ToUnixTimeMilliseconds() });
        insert.ExecuteNonQuery();
        return (token, new OperatorSession(name!, role, expires));
    }

    /// <inheritdoc />
    public OperatorSession? Resolve(string token)
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("SELECT o.name, o.role, s.expires_utc FROM sessions s JOIN operators o ON o.name = s.operator WHERE s.token_hash = $1", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = OperatorCredentials.TokenHash(token) });
        using NpgsqlDataReader r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2));
        return expires <= _time.GetUtcNow() ? null : new OperatorSession(r.GetString(0), r.GetString(1), expires);
    }

    /// <inheritdoc />
    public void SignOut(string token)
    {
        using NpgsqlConnection c = _db.Open();
        using var cmd = new NpgsqlCommand("DELETE FROM sessions WHERE token_hash = $1", c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = OperatorCredentials.TokenHash(token) });
        cmd.ExecuteNonQuery();
    }
}
