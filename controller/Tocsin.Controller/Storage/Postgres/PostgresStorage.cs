namespace Tocsin.Controller.Storage.Postgres;

/// <summary>Registers the PostgreSQL implementations of the stores.</summary>
public static class PostgresStorage
{
    /// <summary>Connects to the database named by <paramref name="connectionString"/>, migrates it and registers its stores.</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        var database = new PostgresDatabase(connectionString);
        database.Migrate();
        // Registered through a factory so the container disposes it, closing the pooled connections with the host.
        services.AddSingleton(_ => database);
        services.AddSingleton<INodeStore, PostgresNodeStore>();
        services.AddSingleton<IMessageStore, PostgresMessageStore>();
        services.AddSingleton<IStateStore, PostgresStateStore>();
        services.AddSingleton<IAlertStore, PostgresAlertStore>();
        services.AddSingleton<IOperatorStore, PostgresOperatorStore>();
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        services.AddSingleton<ICounterStore, PostgresCounterStore>();
        return services;
    }
}
