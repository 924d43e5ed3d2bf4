using Tocsin.Controller.Storage.Postgres;
using Tocsin.Controller.Tests.Support;
using Xunit;

namespace Tocsin.Controller.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresServer server)
{
    [Fact]
    public async Task Migrating_an_up_to_date_database_changes_nothing_and_two_starting_controllers_do_not_collide()
    {
        string connection = await server.CreateDatabaseAsync();
        using var a = new PostgresDatabase(connection);
        using var b = new PostgresDatabase(connection);
        int[] versions = await Task.WhenAll(Task.Run(a.Migrate), Task.Run(b.Migrate));
        Assert.Equal([PostgresSchema.Migrations.Count, PostgresSchema.Migrations.Count], versions);
        Assert.Equal(PostgresSchema.Migrations.Count, a.Migrate());

        using Npgsql.NpgsqlConnection c = a.Open();
        using var rows = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM schema_version", c);
        Assert.Equal((long)PostgresSchema.Migrations.Count, rows.ExecuteScalar());
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PostgresDatabase("Host=db;Pasword=secret-value"));
        Assert.Contains("TOCSIN_POSTGRES", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", error.Message, StringComparison.Ordinal);
    }
}
