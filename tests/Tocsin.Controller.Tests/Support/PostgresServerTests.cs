using Npgsql;
using Tocsin.TestSupport;
using Xunit;

namespace Tocsin.Controller.Tests.Support;

/// <summary>The test server survives losing its port to another process between probe and bind.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_port_taken_before_the_server_binds_it_is_replaced_by_a_fresh_one()
    {
        using var squatter = new PortSquatter();
        int taken = squatter.Port;
        var given = new List<int>();
        var server = new PostgresServer(() =>
        {
            int port = given.Count == 0 ? taken : FreePorts.Loopback();
            given.Add(port);
            return port;
        });

        try
        {
            await server.InitializeAsync();

            Assert.Equal(2, given.Count);
            Assert.Equal(given[1], server.Port);
            await using var connection = new NpgsqlConnection(await server.CreateDatabaseAsync());
            await connection.OpenAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
