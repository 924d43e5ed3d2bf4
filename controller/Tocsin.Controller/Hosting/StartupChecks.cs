using System.Globalization;
using Tocsin.Controller.Regions;
using Tocsin.Controller.Rules;

namespace Tocsin.Controller.Hosting;

/// <summary>
/// Checks the files named on the command line and the options before anything starts, so a mistake
/// in a region or rule file is reported as a list of paths and problems, and nothing half-starts.
/// </summary>
public static class StartupChecks
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming every problem found.</summary>
    public static void Validate(ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RegionFile != null)
        {
            RegionLoadResult regions = RegionFileParser.Parse(Read(options.RegionFile, "region file"));
            if (!regions.Succeeded)
            {
                throw new InvalidOperationException("region file " + options.RegionFile + " refused:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", regions.Errors));
            }
        }

        if (options.RulesFile != null)
        {
            RuleSetLoadResult rules = WarningRuleSetParser.Parse(Read(options.RulesFile, "rule file"));
            if (!rules.Succeeded)
            {
                throw new InvalidOperationException("rule file " + options.RulesFile + " refused:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", rules.Errors));
            }

            // A PostgreSQL database may hold a region map from an earlier start; the engine finds out when it loads.
            if (options.RegionFile == null && options.Database == "sqlite" && options.InMemoryDatabaseName == null && !File.Exists(options.DatabasePath))
            {
                throw new InvalidOperationException("--rules needs a region map: give --regions as well");
            }
        }

        if (options.Database is not ("sqlite" or "postgres"))
        {
            throw new InvalidOperationException("--database must be sqlite or postgres, not " + options.Database);
        }

        if (options.Database == "postgres" && string.IsNullOrEmpty(options.PostgresConnectionString))
        {
            throw new InvalidOperationException("--database postgres needs a connection string in TOCSIN_POSTGRES (e.g. Host=db;Database=tocsin;Username=tocsin;Password=...)");
        }

        if (options.Broker == "external" && string.IsNullOrEmpty(options.ExternalPassword))
        {
            throw new InvalidOperationException("--broker external needs the controller's broker password in TOCSIN_EXTERNAL_PASSWORD");
        }

        if (options.SnapshotIntervalS < 1)
        {
            throw new InvalidOperationException("the snapshot interval must be at least 1 s, not " + options.SnapshotIntervalS.ToString(CultureInfo.InvariantCulture));
        }

        // A snapshot is written before the next one is taken, so the delay fits within the interval.
        if (!double.IsFinite(options.SnapshotWriteDelayS) || options.SnapshotWriteDelayS < 0 || options.SnapshotWriteDelayS > options.SnapshotIntervalS)
        {
            throw new InvalidOperationException("the snapshot write delay must be between 0 and the snapshot interval ("
                + options.SnapshotIntervalS.ToString(CultureInfo.InvariantCulture) + " s), not " + options.SnapshotWriteDelayS.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Read(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(what + " not found: " + path);
        }

        return File.ReadAllText(path);
    }
}
