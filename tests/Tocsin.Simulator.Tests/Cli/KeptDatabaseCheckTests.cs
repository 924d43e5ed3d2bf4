using Tocsin.Simulator.Cli;
using Xunit;

namespace Tocsin.Simulator.Tests.Cli;

/// <summary><c>run --data</c> refuses, before the run, what would leave a database nobody can use.</summary>
public sealed class KeptDatabaseCheckTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tocsin-kept-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_new_directory_and_a_good_password_pass()
    {
        Assert.Null(KeptDatabaseCheck.Problem(_directory, "long-enough-1"));
    }

    [Theory]
    [InlineData("tocsin.db")]
    [InlineData("tocsin.db-wal")]
    [InlineData("tocsin.db-shm")]
    public void Any_file_of_an_earlier_database_is_refused_by_name(string file)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "other files are fine");
        Assert.Null(KeptDatabaseCheck.Problem(_directory, "long-enough-1"));
        File.WriteAllBytes(Path.Combine(_directory, file), []);
        string problem = KeptDatabaseCheck.Problem(_directory, "long-enough-1")!;
        Assert.Contains("already holds a database (" + file + ")", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_in_place_of_the_directory_is_refused()
    {
        Directory.CreateDirectory(_directory);
        string file = Path.Combine(_directory, "not-a-directory");
        File.WriteAllText(file, "x");
        Assert.Equal("--data: " + file + " is a file; give a directory", KeptDatabaseCheck.Problem(file, "long-enough-1"));
    }

    [Theory]
    [InlineData(null, "--data needs TOCSIN_ADMIN_PASSWORD")]
    [InlineData("", "--data needs TOCSIN_ADMIN_PASSWORD")]
    [InlineData("short", "TOCSIN_ADMIN_PASSWORD: password must be at least 10 characters")]
    public void A_missing_or_weak_admin_password_is_refused(string? password, string expected)
    {
        Assert.StartsWith(expected, KeptDatabaseCheck.Problem(_directory, password), StringComparison.Ordinal);
    }
}
