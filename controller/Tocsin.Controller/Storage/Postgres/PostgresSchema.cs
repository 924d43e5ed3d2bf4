namespace Tocsin.Controller.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as an ordered list of migrations; append, never edit, once released. It
/// holds the same tables as the SQLite <see cref="Schema"/>, in PostgreSQL's own types (booleans,
/// byte arrays, text arrays, identity columns). Node ids sort byte by byte (collation "C"), as in
/// SQLite, whatever the server's locale.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Migrations in order; index i brings the schema from version i to i + 1.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE nodes (
            id TEXT COLLATE "C" PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('sensor', 'broadcast')),
            community TEXT NOT NULL,
            latitude DOUBLE PRECISION,
            longitude DOUBLE PRECISION,
            description TEXT NOT NULL DEFAULT '',
            covered_population INTEGER NOT NULL DEFAULT 0,
            command_key BYTEA NOT NULL,
            password_hash TEXT NOT NULL,
            heard_sensors TEXT[] NOT NULL DEFAULT '{}',
            revoked BOOLEAN NOT NULL DEFAULT FALSE,
            created_utc BIGINT NOT NULL
        );
        CREATE TABLE node_messages (
            node TEXT NOT NULL,
            epoch BIGINT NOT NULL,
            seq BIGINT NOT NULL,
            stream TEXT NOT NULL,
            type TEXT,
            measured_utc BIGINT,
            received_utc BIGINT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (node, epoch, seq)
        );
        -- Series queries select on this very expression, so the index serves them whole.
        CREATE INDEX node_messages_by_time ON node_messages (node, stream, (COALESCE(measured_utc, received_utc)));
        CREATE TABLE node_state (
            node TEXT COLLATE "C" PRIMARY KEY,
            online BOOLEAN NOT NULL DEFAULT FALSE,
            last_seen_utc BIGINT,
            status_json TEXT,
            heartbeat_json TEXT,
            last_report_json TEXT,
            epoch BIGINT,
            acked_upto BIGINT,
            lost_messages BIGINT NOT NULL DEFAULT 0,
            duplicate_messages BIGINT NOT NULL DEFAULT 0
        );
        CREATE TABLE message_gaps (
            node TEXT NOT NULL,
            epoch BIGINT NOT NULL,
            first_seq BIGINT NOT NULL,
            last_seq BIGINT NOT NULL,
            noted_utc BIGINT NOT NULL
        );
        CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
        CREATE TABLE operators (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('operator', 'approver', 'admin')),
            password_hash TEXT NOT NULL,
            created_utc BIGINT NOT NULL
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            operator TEXT NOT NULL REFERENCES operators (name),
            expires_utc BIGINT NOT NULL
        );
        CREATE TABLE alerts (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            version INTEGER NOT NULL,
            created_utc BIGINT NOT NULL,
            updated_utc BIGINT NOT NULL,
            body_json TEXT NOT NULL
        );
        CREATE INDEX alerts_by_creation ON alerts (created_utc);
        CREATE TABLE deliveries (
            alert TEXT NOT NULL,
            version INTEGER NOT NULL,
            node TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            updated_utc BIGINT NOT NULL,
            PRIMARY KEY (alert, version, node)
        );
        CREATE TABLE audit (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at_utc BIGINT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_by_subject ON audit (subject, id);
        CREATE TABLE state (
            name TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            updated_utc BIGINT NOT NULL
        );
        """,
    ];
}
