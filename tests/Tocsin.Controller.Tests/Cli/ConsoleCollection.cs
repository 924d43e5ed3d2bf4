using Xunit;

namespace Tocsin.Controller.Tests.Cli;

/// <summary>Tests that redirect <see cref="Console"/> run one at a time, apart from everything else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
