using System.ComponentModel.DataAnnotations;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Jobs;

// This file and HostLogProvider.cs are compiled into both the Worker and the API (linked from the API's
// project file): both are clients of one job storage, and the API must not reference the Worker's assembly.

internal static class JobStorageSetup
{
    public const string StorageSchema = "hangfire";

    /// <summary>
    /// Hangfire on the store's PostgreSQL database, in its own schema, through the process's one
    /// <see cref="NpgsqlDataSource"/>. Used by the API (client only) and the Worker (client and server).
    /// </summary>
    public static IServiceCollection AddJobStorage(this IServiceCollection services)
    {
        services.AddCheckedSettings<JobStorageOptions, JobStorageOptionsValidator>(JobStorageOptions.Section);
        // Registered before AddHangfire, whose own registration would hand out the process-wide
        // JobStorage.Current: two hosts in one process (the tests) would then share one database.
        services.AddSingleton<JobStorage>(provider => new PostgreSqlStorage(
            new DataSourceConnectionFactory(provider.GetRequiredService<NpgsqlDataSource>()),
            StorageOptions(provider.GetRequiredService<IOptions<JobStorageOptions>>().Value)));
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        return services;
    }

    private static PostgreSqlStorageOptions StorageOptions(JobStorageOptions options) => new()
    {
        SchemaName = StorageSchema,
        // The schema is installed by the explicit migration step, never as a side effect of starting a process.
        PrepareSchemaIfNecessary = false,
        EnableLongPolling = true,
        QueuePollInterval = options.QueuePollInterval,
        // A running job's queue entry is kept fresh while its Worker lives (a keep-alive every fifth of the
        // timeout); once the Worker dies, another picks the job up after the timeout instead of Hangfire's 30 minutes.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = options.InvisibilityTimeout,
        // Hangfire's own locks (the recurring and delayed job schedulers) are held for moments; one a killed Worker
        // left behind then blocks scheduling for this long instead of ten minutes. Jobs never hold these locks:
        // work that runs one at a time takes a lock that dies with its process (the Worker's ProjectLocks).
        DistributedLockTimeout = options.DistributedLockTimeout,
    };

    private sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
    }
}

/// <summary>The job storage's settings, from the "Jobs" configuration section (shared with the Worker's own job settings).</summary>
internal sealed class JobStorageOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// The fallback poll. Jobs normally start at once through LISTEN/NOTIFY; this only bounds the delay
    /// when a notification is lost (a dropped connection).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long after its Worker died a running job is picked up again by another Worker.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a lock of Hangfire's own that a killed process left behind blocks the next taker.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Checks the ranges above, generated at compile time (why: <see cref="Wgig.Translate.Domain.Claims.ClaimOptionsValidator"/>).</summary>
[OptionsValidator]
internal sealed partial class JobStorageOptionsValidator : IValidateOptions<JobStorageOptions>;
