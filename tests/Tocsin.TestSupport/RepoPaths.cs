namespace Tocsin.TestSupport;

/// <summary>
/// Files of the repository, found from a test's output folder by walking up to Nodes.sln, so tests
/// read the very documents, scenarios and region files that ship.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootDirectory = new(Find);

    /// <summary>The repository root (the folder holding Nodes.sln).</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>A path below the repository root, e.g. <c>Combine("hardware", "sensor-node", "pin-map.md")</c>.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nodes.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Nodes.sln) not found above " + AppContext.BaseDirectory);
    }
}
