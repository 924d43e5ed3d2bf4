using Microsoft.Data.Sqlite;
using Tocsin.TestSupport;
using Tocsin.Simulator.Deterministic;
using Tocsin.Simulator.Reports;
using Tocsin.Simulator.Scenarios;

namespace Tocsin.Simulator.Runs.Tests;

/// <summary>
/// A drill whose commands expire, are archived by the controller and then survive a controller
/// restart: its coverage and results read the same as when everything stayed in memory.
/// </summary>
public sealed class LedgerArchiveRunTests
{
    private static async Task<RunReport> RunAsync(int? archiveAfterMinutes, string? data = null)
    {
        ScenarioLoadResult loaded = ScenarioParser.Load(RepoPaths.Combine("tests", "Tocsin.Simulator.Runs.Tests", "Scenarios", "ledger-archive.json"));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        await using var run = new DeterministicRun(loaded.Scenario!, loaded.Map!, new RunOptions { LedgerArchiveAfterMinutes = archiveAfterMinutes, DataDirectory = data });
        return await run.RunAsync();
    }

    [Fact]
    public async Task Archived_commands_leave_the_live_ledger_and_the_report_is_the_same_as_when_they_stay()
    {
        string data = Path.Combine(Path.GetTempPath(), "tocsin-archive-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            RunReport kept = await RunAsync(archiveAfterMinutes: null);
            RunReport archived = await RunAsync(archiveAfterMinutes: 0, data);

            AlertSummary drill = Assert.Single(archived.Alerts);
            Assert.True(drill.Speakers > 0);
            Assert.NotNull(drill.Coverage);
            Assert.Equal(ReportJson.Serialize(kept), ReportJson.Serialize(archived));

            using var db = new SqliteConnection("Data Source=" + Path.Combine(data, "tocsin.db") + ";Mode=ReadOnly;Pooling=false");
            db.Open();
            Assert.True(Count(db, "SELECT count(*) FROM state WHERE name = 'ledger-archive/" + drill.Id + "/" + drill.Id + ".v1'") == 1, Names(db));
            Assert.Equal(0, Count(db, "SELECT count(*) FROM state WHERE name LIKE 'ledger/%' OR name = 'ledger'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static string Names(SqliteConnection db)
    {
        using SqliteCommand command = db.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ' ') FROM state";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static long Count(SqliteConnection db, string sql)
    {
        using SqliteCommand command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
