namespace Tocsin.Controller.Tests.Cli;

/// <summary>One CLI run: exit code and what it wrote.</summary>
public sealed record CliResult(int Code, string Out, string Error)
{
    public override string ToString() => "exit " + Code + "\n--- stdout\n" + Out + "--- stderr\n" + Error;
}
