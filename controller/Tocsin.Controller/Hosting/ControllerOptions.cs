using System.Net;
using Tocsin.Controller.Storage.Postgres;

namespace Tocsin.Controller.Hosting;

/// <summary>Everything <c>serve</c> needs, from the command line (and the environment for secrets).</summary>
public sealed class ControllerOptions
{
    /// <summary>Directory for the SQLite file and exports.</summary>
    public string DataDirectory { get; set; } = "tocsin-data";

    /// <summary>"sqlite" (a file in <see cref="DataDirectory"/>, the default) or "postgres" (a server at <see cref="PostgresConnectionString"/>).</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>
    /// The Npgsql connection string for "postgres" (from TOCSIN_POSTGRES, never the command line:
    /// it holds a password).
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>HTTP API address; loopback by default.</summary>
    public string HttpUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>"embedded" (MQTTnet in process) or "external" (e.g. Mosquitto).</summary>
    public string Broker { get; set; } = "embedded";

    /// <summary>Embedded broker bind address.</summary>
    public IPAddress MqttBindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Embedded broker port.</summary>
    public int MqttPort { get; set; } = 1883;

    /// <summary>External broker host.</summary>
    public string ExternalHost { get; set; } = "127.0.0.1";

    /// <summary>External broker port.</summary>
    public int ExternalPort { get; set; } = 1883;

    /// <summary>The controller's own user on the external broker.</summary>
    public string ExternalUser { get; set; } = "tocsin-controller";

    /// <summary>Its password (from TOCSIN_EXTERNAL_PASSWORD, never the command line).</summary>
    public string? ExternalPassword { get; set; }

    /// <summary>Region file to load at start (validated; refused whole on any error).</summary>
    public string? RegionFile { get; set; }

    /// <summary>Warning rule file to load at start (validated; refused whole on any error).</summary>
    public string? RulesFile { get; set; }

    /// <summary>Initial admin password when no operator exists yet (from TOCSIN_ADMIN_PASSWORD).</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>
    /// Seconds between snapshots of sequence and delivery state, and how long each node's routine
    /// state row (last seen, latest heartbeat and report) waits to be written: with
    /// <see cref="SnapshotWriteDelayS"/>, what a killed controller can lose. Nodes resend whatever was
    /// not acknowledged, duplicates are dropped by sequence, and the next heartbeat restates the rest.
    /// </summary>
    public int SnapshotIntervalS { get; set; } = 5;

    /// <summary>
    /// Seconds between taking a periodic snapshot's state and writing it. The per-node documents
    /// (every node's sequences and health: megabytes at 10,000 nodes) are serialized off the engine
    /// loop meanwhile, so messages keep flowing; a controller killed in between loses that snapshot
    /// and restarts from the one before. A clean stop writes at once. From 0 to <see cref="SnapshotIntervalS"/>.
    /// </summary>
    public double SnapshotWriteDelayS { get; set; } = 1;

    /// <summary>
    /// Minutes after a command expires before it and its deliveries leave memory for the archive (the
    /// alert's coverage and deliveries are then read from there). Results for it arriving later are
    /// not counted, so this should outlast a node's outage: 0 archives at expiry (tests), negative is
    /// taken as 0.
    /// </summary>
    public int LedgerArchiveAfterMinutes { get; set; } = 360;

    /// <summary>
    /// True (the default): SQLite syncs the file at each checkpoint, so a power cut cannot corrupt it.
    /// False stops syncing: a killed process still loses nothing (the OS holds its writes), but a
    /// power cut may. Only for throwaway databases, such as a deterministic simulation's.
    /// </summary>
    public bool SyncWrites { get; set; } = true;

    /// <summary>
    /// When set, the SQLite database lives in this process's memory under this name instead of in a file
    /// (see <c>SqliteDatabase.InMemory</c>): it survives a controller stopped and built again in the same
    /// process while something holds a connection to it, and never the process. Not on the command line;
    /// a deterministic simulation without a data directory uses it.
    /// </summary>
    public string? InMemoryDatabaseName { get; set; }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "tocsin.db");

    /// <summary>Where the data is kept, for the start-up line (never with credentials).</summary>
    public string StorageDescription => Database == "postgres" ? PostgresDatabase.Describe(PostgresConnectionString)
        : InMemoryDatabaseName != null ? "memory:" + InMemoryDatabaseName : DatabasePath;
}
