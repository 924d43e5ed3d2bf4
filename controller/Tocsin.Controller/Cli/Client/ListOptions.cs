using System.CommandLine;
using System.Globalization;

namespace Tocsin.Controller.Cli.Client;

/// <summary>Options that take a comma-separated list (<c>--targets a,b</c>, <c>--clips 1,2</c>).</summary>
public static class ListOptions
{
    /// <summary>A list of names; empty items are dropped.</summary>
    public static Option<string[]?> Names(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray(),
    };

    /// <summary>A list of whole numbers; anything else is a usage error.</summary>
    public static Option<int[]?> Numbers(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var numbers = new List<int>();
            foreach (string item in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (!int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
                {
                    result.AddError(name + ": not a whole number: " + item);
                    return null;
                }

                numbers.Add(n);
            }

            return numbers.ToArray();
        },
    };
}
