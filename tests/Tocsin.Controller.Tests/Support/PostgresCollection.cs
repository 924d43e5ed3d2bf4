using Xunit;

namespace Tocsin.Controller.Tests.Support;

/// <summary>Tests that share one throwaway PostgreSQL server (each with a database of its own).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
