namespace Tocsin.Controller.Storage;

/// <summary>Registers the SQLite implementations of the stores (the default database).</summary>
public static class SqliteStorage
{
    /// <summary>
    /// Opens (creating if missing) and migrates the SQLite file at <paramref name="path"/> and registers its stores;
    /// <paramref name="syncWrites"/> false stops syncing to disk (see <c>ControllerOptions.SyncWrites</c>).
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string path, bool syncWrites = true)
        => services.AddSqliteStorage(new SqliteDatabase(path, syncWrites));

    /// <summary>Migrates <paramref name="database"/> and registers its stores.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.Migrate();
        services.AddSingleton(database);
        services.AddSingleton<INodeStore, NodeStore>();
        services.AddSingleton<IMessageStore, MessageStore>();
        services.AddSingleton<IStateStore, StateStore>();
        services.AddSingleton<IAlertStore, AlertStore>();
        services.AddSingleton<IOperatorStore, OperatorStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<ICounterStore, SqliteCounterStore>();
        return services;
    }
}
