using Tocsin.TestSupport;
using Xunit;

namespace Tocsin.Hardware.PowerBudget.Tests;

public sealed class CommittedBudgetTests
{
    public static TheoryData<string> NodeFolders() => new(NodeNames());

    [Fact]
    public void Both_nodes_have_a_budget()
    {
        Assert.Equal(["broadcast-node", "sensor-node"], NodeNames());
    }

    [Theory]
    [MemberData(nameof(NodeFolders))]
    public void The_committed_power_budget_matches_the_bom_and_profile(string node)
    {
        string dir = RepoPaths.Combine("hardware", node);
        string expected = NodeBudget.Generate(dir, "hardware/" + node);
        string committed = File.ReadAllText(Path.Combine(dir, NodeBudget.BudgetFile)).ReplaceLineEndings("\n");

        Assert.True(
            expected == committed,
            $"hardware/{node}/power-budget.md is out of date: run dotnet run --project hardware/tools/PowerBudget -- hardware/{node}");
    }

    private static string[] NodeNames() =>
        Directory.GetDirectories(RepoPaths.Combine("hardware"))
            .Where(NodeBudget.IsNodeFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
}
