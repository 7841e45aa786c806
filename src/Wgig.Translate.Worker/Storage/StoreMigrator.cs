using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Security;
using Wgig.Translate.Jobs;

namespace Wgig.Translate.Worker.Storage;

/// <summary>
/// The one explicit step that brings a database up to date: the store's EF Core migrations
/// (<see cref="StoreSchema"/>) and Hangfire's schema. The run command and the tests both call it; API and Worker never migrate on start.
/// </summary>
public static class StoreMigrator
{
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await StoreSchema.MigrateAsync(dataSource, logger, cancellationToken);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            PostgreSqlObjectsInstaller.Install(connection, JobStorageSetup.StorageSchema);
        }
        logger.LogInformation("Job storage schema '{Schema}' up to date.", JobStorageSetup.StorageSchema);
    }

    /// <summary>Seals repository credentials stored in plain text by a build from before they were sealed.</summary>
    public static async Task SealLegacyCredentialsAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TranslationDb>();
        var protector = services.GetRequiredService<ICredentialProtector>();
        var connections = await db.RepositoryConnections.ToListAsync(cancellationToken);
        var sealedCount = connections.Count(c => c.SealLegacyCredentials(protector));
        await db.SaveChangesAsync(cancellationToken);
        if (sealedCount > 0)
        {
            logger.LogInformation("Sealed the plain-text credentials of {Count} repository connection(s).", sealedCount);
        }
    }

    /// <summary>
    /// The same as the migrate command's key step, for a database set up outside it (tests): the key ring gets its
    /// first key, encrypted with <paramref name="keyRingKey"/>, before any process runs.
    /// </summary>
    public static void EnsureKeyRing(string connectionString, string keyRingKey)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Translation"] = connectionString,
                [$"{KeyRingOptions.Section}:{nameof(KeyRingOptions.KeyRingKey)}"] = keyRingKey,
            }).Build())
            .AddLogging();
        services.AddTranslationStore();
        services.AddKeyRing();
        using var provider = services.BuildServiceProvider();
        KeyRing.EnsureKey(provider);
    }
}
