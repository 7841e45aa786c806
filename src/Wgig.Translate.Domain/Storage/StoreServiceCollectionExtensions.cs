using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Wgig.Translate.Domain.Storage;

public static class StoreServiceCollectionExtensions
{
    public const string ConnectionStringName = "Translation";

    /// <summary>
    /// One <see cref="NpgsqlDataSource"/> per process, shared by EF Core and the job storage,
    /// so there is one connection pool to size and watch.
    /// </summary>
    public static IServiceCollection AddTranslationStore(this IServiceCollection services)
    {
        // Read when first needed, so configuration added after registration (tests, hosting) counts.
        services.AddSingleton(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"No connection string 'ConnectionStrings:{ConnectionStringName}' (environment: ConnectionStrings__{ConnectionStringName}). " +
                    "Start the system with ./run, which provides a private PostgreSQL, or set one.");
            }
            return DataSourceFor(connectionString);
        });
        services.TryAddSingleton<TimeProvider, StoreTimeProvider>();
        // Pooled: a request (or job) takes a context whose services and options are built already, instead of
        // building them anew; the pool resets each context's state when the scope ends.
        // Interceptors a host registers (the API's forgets cached token checks as credentials change) join every context.
        services.AddDbContextPool<TranslationDb>((provider, options) =>
            ConfigureStore(options, provider.GetRequiredService<NpgsqlDataSource>()).AddInterceptors(provider.GetServices<IInterceptor>()));
        return services;
    }

    /// <summary>The process's data source for a connection string: the store's settings unless the string sets them.</summary>
    private static NpgsqlDataSource DataSourceFor(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        // Statements a connection sends five times are prepared on it: PostgreSQL then parses and plans them once, not on
        // every call (one client's claim-next and draft save 1.5 to 1.7 times faster, docs/benchmarks.md, issue 17's ninth
        // pass). Its cost: a plan cached while a table looked empty stays until PostgreSQL next analyzes the table
        // (autovacuum does within a minute of a new database's first import). "Max Auto Prepare=0" turns it off.
        if (!Sets(connectionString, "Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
        }
        // A pool hands out its least recently used idle connection, so after a burst of many volunteers at once every
        // request of the few that remain goes to a connection (and a PostgreSQL process) that sat idle while the others
        // ran, its caches cold: one client's calls took up to twice as long while 64 idle connections remained
        // (docs/benchmarks.md, issue 17's tenth pass). Connections idle for half a minute are closed (Npgsql's default:
        // five minutes), so the pool comes back to what the load needs soon after a burst.
        if (!Sets(connectionString, "Connection Idle Lifetime"))
        {
            settings.ConnectionIdleLifetime = IdleConnectionSeconds;
            if (!Sets(connectionString, "Connection Pruning Interval"))
            {
                settings.ConnectionPruningInterval = IdleConnectionSeconds / 6;
            }
        }
        // Each process's connections say whose they are in pg_stat_activity (Wgig.Translate.Api, Wgig.Translate.Worker), for an
        // operator looking at who holds the server's connections.
        if (!Sets(connectionString, "Application Name"))
        {
            settings.ApplicationName = Assembly.GetEntryAssembly()?.GetName().Name;
        }
        return builder.Build();
    }

    // Whether the connection string gives the setting itself (its keyword, spaces and case aside).
    private static bool Sets(string connectionString, string keyword) =>
        connectionString.Replace(" ", "", StringComparison.Ordinal).Contains(keyword.Replace(" ", "", StringComparison.Ordinal) + "=", StringComparison.OrdinalIgnoreCase);

    // Room for the hot paths' statements and the job storage's polling ones, least recently used replaced first.
    private const int AutoPreparedStatements = 50;

    private const int IdleConnectionSeconds = 30;

    /// <summary>A store outside dependency injection, for set-up steps and tests.</summary>
    public static TranslationDb OpenStore(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<TranslationDb>();
        ConfigureStore(options, dataSource);
        return new TranslationDb(options.Options);
    }

    public const string MigrationsHistoryTable = "__migrations";

    public static DbContextOptionsBuilder ConfigureStore(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, TranslationDb.Schema))
            .UseSnakeCaseNamingConvention();
}
