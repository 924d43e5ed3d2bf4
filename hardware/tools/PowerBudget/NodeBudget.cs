using Tocsin.Hardware.PowerBudget.Budget;
using Tocsin.Hardware.PowerBudget.Input;
using Tocsin.Hardware.PowerBudget.Report;

namespace Tocsin.Hardware.PowerBudget;

/// <summary>One node folder: reads its bom.csv and power-profile.json, renders power-budget.md.</summary>
public static class NodeBudget
{
    /// <summary>The BOM's file name in a node folder.</summary>
    public const string BomFile = "bom.csv";

    /// <summary>The profile's file name in a node folder.</summary>
    public const string ProfileFile = "power-profile.json";

    /// <summary>The generated file's name in a node folder.</summary>
    public const string BudgetFile = "power-budget.md";

    /// <summary>True when <paramref name="directory"/> holds both inputs.</summary>
    public static bool IsNodeFolder(string directory) =>
        File.Exists(Path.Combine(directory, BomFile)) && File.Exists(Path.Combine(directory, ProfileFile));

    /// <summary>
    /// Generates the markdown for the node in <paramref name="directory"/>; <paramref name="displayDir"/>
    /// is how the folder appears in messages and in the file (repository-relative, forward slashes).
    /// </summary>
    public static string Generate(string directory, string displayDir)
    {
        string bomName = displayDir + "/" + BomFile;
        string profileName = displayDir + "/" + ProfileFile;
        var bom = BomReader.Parse(File.ReadAllText(Path.Combine(directory, BomFile)), bomName);
        var profile = ProfileReader.Parse(File.ReadAllText(Path.Combine(directory, ProfileFile)), profileName);
        return BudgetReport.Render(BudgetCalculator.Compute(bom, profile), displayDir);
    }
}
