namespace Tocsin.Controller.Storage;

/// <summary>The schema as an ordered list of migrations; append, never edit, once released.</summary>
public static class Schema
{
    /// <summary>Migrations in order; index i brings the schema from version i to i + 1.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE nodes (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('sensor', 'broadcast')),
            community TEXT NOT NULL,
            latitude REAL,
            longitude REAL,
            description TEXT NOT NULL DEFAULT '',
            covered_population INTEGER NOT NULL DEFAULT 0,
            command_key BLOB NOT NULL,
            password_hash TEXT NOT NULL,
            heard_sensors TEXT NOT NULL DEFAULT '',
            revoked INTEGER NOT NULL DEFAULT 0,
            created_utc INTEGER NOT NULL
        );
        CREATE TABLE node_messages (
            node TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            stream TEXT NOT NULL,
            type TEXT,
            measured_utc INTEGER,
            received_utc INTEGER NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (node, epoch, seq)
        ) WITHOUT ROWID;
        CREATE INDEX node_messages_by_time ON node_messages (node, stream, measured_utc);
        CREATE TABLE node_state (
            node TEXT PRIMARY KEY,
            online INTEGER NOT NULL DEFAULT 0,
            last_seen_utc INTEGER,
            status_json TEXT,
            heartbeat_json TEXT,
            last_report_json TEXT,
            epoch INTEGER,
            acked_upto INTEGER,
            lost_messages INTEGER NOT NULL DEFAULT 0,
            duplicate_messages INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE message_gaps (
            node TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            noted_utc INTEGER NOT NULL
        );
        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE operators (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('operator', 'approver', 'admin')),
            password_hash TEXT NOT NULL,
            created_utc INTEGER NOT NULL
        );
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            operator TEXT NOT NULL REFERENCES operators (name),
            expires_utc INTEGER NOT NULL
        );
        CREATE TABLE alerts (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            state TEXT NOT NULL,
            version INTEGER NOT NULL,
            created_utc INTEGER NOT NULL,
            updated_utc INTEGER NOT NULL,
            body_json TEXT NOT NULL
        );
        CREATE TABLE deliveries (
            alert TEXT NOT NULL,
            version INTEGER NOT NULL,
            node TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            updated_utc INTEGER NOT NULL,
            PRIMARY KEY (alert, version, node)
        ) WITHOUT ROWID;
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        );
        """,
        """
        CREATE TABLE state (
            name TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            updated_utc INTEGER NOT NULL
        );
        """,

        // Messages clustered by node put each insert into one of 10,000 scattered pages, twice (table
        // and time index), and every commit rewrote those pages in the WAL: 44 µs a message at 10,000
        // nodes. A rowid table appends (a round's rows share a page or two) and one unique index keeps
        // the per-node duplicate check and serves the per-node series query.
        """
        CREATE TABLE node_messages_log (
            id INTEGER PRIMARY KEY,
            node TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            stream TEXT NOT NULL,
            type TEXT,
            measured_utc INTEGER,
            received_utc INTEGER NOT NULL,
            payload TEXT NOT NULL
        );
        INSERT INTO node_messages_log (node, epoch, seq, stream, type, measured_utc, received_utc, payload)
            SELECT node, epoch, seq, stream, type, measured_utc, received_utc, payload FROM node_messages ORDER BY received_utc, node, epoch, seq;
        DROP TABLE node_messages;
        ALTER TABLE node_messages_log RENAME TO node_messages;
        CREATE UNIQUE INDEX node_messages_by_seq ON node_messages (node, epoch, seq);
        """,
    ];
}
