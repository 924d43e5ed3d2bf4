namespace Tocsin.Simulator.Runs.Tests;

/// <summary>Paths in the source tree (scenarios are read where they live, as users run them).</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Nodes.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Nodes.sln not found above " + AppContext.BaseDirectory);
    }
}
