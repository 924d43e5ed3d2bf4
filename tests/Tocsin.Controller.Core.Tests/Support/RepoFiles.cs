using Xunit;

namespace Tocsin.Controller.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepoFiles
{
    public static string Path(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Nodes.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return System.IO.Path.Combine(dir!.FullName, relative);
    }
}
