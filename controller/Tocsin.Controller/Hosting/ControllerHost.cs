using Microsoft.AspNetCore.Authentication;
using Tocsin.Controller.Api;
using Tocsin.Controller.Auth;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Mqtt;
using Tocsin.Controller.Storage;
using Tocsin.Controller.Storage.Postgres;

namespace Tocsin.Controller.Hosting;

/// <summary>
/// Composition root of <c>serve</c>: storage, the MQTT transport, the domain services and the HTTP
/// API, wired and nothing more.
/// </summary>
public static partial class ControllerHost
{
    /// <summary>
    /// Builds the web application for <paramref name="options"/>. <paramref name="transport"/>
    /// replaces the MQTT side (the simulator's deterministic network); by default it follows
    /// <see cref="ControllerOptions.Broker"/>. <paramref name="configure"/> adjusts the builder last
    /// (the simulator sends the controller's log to its run report).
    /// </summary>
    public static WebApplication Build(ControllerOptions options, TimeProvider? time = null, Func<IServiceProvider, INodeTransport>? transport = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        StartupChecks.Validate(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.HttpUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        if (options.Database == "postgres")
        {
            builder.Services.AddPostgresStorage(options.PostgresConnectionString!);
        }
        else
        {
            builder.Services.AddSqliteStorage(options.InMemoryDatabaseName != null
                ? SqliteDatabase.InMemory(options.InMemoryDatabaseName)
                : new SqliteDatabase(options.DatabasePath, options.SyncWrites));
        }

        builder.Services.AddSingleton<PersistentCommandSequence>();
        builder.Services.AddSingleton<NodeDirectory>();
        builder.Services.AddSingleton<INodeAuthenticator>(sp => sp.GetRequiredService<NodeDirectory>());
        if (transport != null)
        {
            builder.Services.AddSingleton(transport);
        }
        else if (options.Broker == "external")
        {
            builder.Services.AddSingleton<INodeTransport>(sp => new ExternalBrokerTransport(options.ExternalHost, options.ExternalPort, options.ExternalUser,
                options.ExternalPassword, sp.GetRequiredService<ILogger<ExternalBrokerTransport>>(), sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            builder.Services.AddSingleton(new EmbeddedBrokerOptions { BindAddress = options.MqttBindAddress, Port = options.MqttPort });
            builder.Services.AddSingleton<INodeTransport, EmbeddedBroker>();
        }

        // The engine loads state before the transport starts taking node messages.
        builder.Services.AddSingleton<ControllerEngine>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ControllerEngine>());
        builder.Services.AddHostedService<TransportService>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();

        configure?.Invoke(builder);
        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        AuthEndpoints.Map(app);
        RegionAndNodeEndpoints.Map(app);
        AlertEndpoints.Map(app);
        HealthEndpoints.Map(app);
        BootstrapAdmin(app.Services.GetRequiredService<IOperatorStore>(), options, app.Logger);
        return app;
    }

    private static void BootstrapAdmin(IOperatorStore operators, ControllerOptions options, ILogger log)
    {
        if (operators.Count() > 0)
        {
            return;
        }

        string? password = options.BootstrapAdminPassword;
        if (string.IsNullOrEmpty(password))
        {
            LogNoOperators(log);
            return;
        }

        string? error = operators.Add("admin", OperatorRole.Admin, password);
        if (error != null)
        {
            throw new InvalidOperationException("cannot create the first admin: " + error);
        }

        LogAdminCreated(log);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "no operators yet: set TOCSIN_ADMIN_PASSWORD to create the first admin")]
    private static partial void LogNoOperators(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "created the first operator 'admin' from TOCSIN_ADMIN_PASSWORD")]
    private static partial void LogAdminCreated(ILogger logger);
}
