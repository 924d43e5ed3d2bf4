using Tocsin.Controller.Auth;

namespace Tocsin.Simulator.Cli;

/// <summary>What <c>run --data DIR</c> needs before a run starts, so an hour's run does not end in a database nobody can use.</summary>
public static class KeptDatabaseCheck
{
    /// <summary>The files of a SQLite database in WAL mode; any of them left over belongs to an earlier run.</summary>
    public static IReadOnlyList<string> DatabaseFiles { get; } = ["tocsin.db", "tocsin.db-wal", "tocsin.db-shm"];

    /// <summary>Null when <paramref name="directory"/> and <paramref name="adminPassword"/> will do, else what is wrong.</summary>
    public static string? Problem(string directory, string? adminPassword)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory))
        {
            return "--data: " + directory + " is a file; give a directory";
        }

        string? leftover = DatabaseFiles.FirstOrDefault(f => File.Exists(Path.Combine(directory, f)));
        if (leftover != null)
        {
            // An earlier run's controller state (nodes, keys, alerts) would change this one.
            return "--data: " + directory + " already holds a database (" + leftover + "); give a new directory or one without tocsin.db";
        }

        if (string.IsNullOrEmpty(adminPassword))
        {
            return "--data needs TOCSIN_ADMIN_PASSWORD: the kept database's only operator is admin, with that password";
        }

        string? refused = OperatorCredentials.Validate("admin", OperatorRole.Admin, adminPassword);
        return refused == null ? null : "TOCSIN_ADMIN_PASSWORD: " + refused;
    }
}
