using Tocsin.Hardware.PowerBudget;
using Tocsin.Hardware.PowerBudget.Input;

// Usage: Tocsin.Hardware.PowerBudget [--check] [node-folder ...]
// Without folders: every folder under hardware/ holding bom.csv and power-profile.json.
// --check writes nothing and exits 1 when a power-budget.md is out of date. Input errors exit 2.
bool check = args.Contains("--check");
string[] folders = args.Where(a => a != "--check").ToArray();
if (args.Any(a => a.StartsWith('-') && a != "--check"))
{
    Console.Error.WriteLine("usage: Tocsin.Hardware.PowerBudget [--check] [node-folder ...]");
    return 2;
}

string root = RepoRoot(Directory.GetCurrentDirectory());
if (folders.Length == 0)
{
    folders = Directory.GetDirectories(Path.Combine(root, "hardware")).Where(NodeBudget.IsNodeFolder).Order(StringComparer.Ordinal).ToArray();
}

int stale = 0;
foreach (string folder in folders)
{
    string full = Path.GetFullPath(folder);
    string display = Path.GetRelativePath(root, full).Replace('\\', '/');
    try
    {
        string markdown = NodeBudget.Generate(full, display);
        string target = Path.Combine(full, NodeBudget.BudgetFile);
        string current = File.Exists(target) ? File.ReadAllText(target).ReplaceLineEndings("\n") : "";
        if (current == markdown)
        {
            Console.WriteLine($"{display}/{NodeBudget.BudgetFile}: up to date");
        }
        else if (check)
        {
            Console.Error.WriteLine($"{display}/{NodeBudget.BudgetFile}: out of date; run dotnet run --project hardware/tools/PowerBudget -- {display}");
            stale++;
        }
        else
        {
            File.WriteAllText(target, markdown);
            Console.WriteLine($"{display}/{NodeBudget.BudgetFile}: written");
        }
    }
    catch (InputException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"{display}: {e.Message}");
        return 2;
    }
}

return stale > 0 ? 1 : 0;

// The folder holding Nodes.sln, from the current directory upwards; the current directory otherwise.
static string RepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Nodes.sln")))
        {
            return dir.FullName;
        }
    }

    return start;
}
