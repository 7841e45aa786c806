using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Wgig.Translate.Worker.Jobs;

public static class HangfireStorage
{
    /// <summary>
    /// Hangfire on the store's PostgreSQL database, in its own schema, through the process's one
    /// <see cref="NpgsqlDataSource"/>. Used by the API (client only) and the Worker (client and server).
    /// </summary>
    public static IServiceCollection AddJobStorage(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Registered before AddHangfire, whose own registration would hand out the process-wide
        // JobStorage.Current: two hosts in one process (the tests) would then share one database.
        services.AddSingleton<Hangfire.JobStorage>(provider => new PostgreSqlStorage(
            new DataSourceConnectionFactory(provider.GetRequiredService<NpgsqlDataSource>()),
            StorageOptions(provider.GetRequiredService<IOptions<JobOptions>>().Value)));
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        return services;
    }

    public static PostgreSqlStorageOptions StorageOptions(JobOptions options) => new()
    {
        SchemaName = StorageSchema,
        // The schema is installed by the explicit migration step, never as a side effect of starting a process.
        PrepareSchemaIfNecessary = false,
        EnableLongPolling = true,
        QueuePollInterval = options.QueuePollInterval,
    };

    public const string StorageSchema = "hangfire";

    private sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
    }
}
