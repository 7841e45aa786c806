using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Security;
using Wgig.Translate.Jobs;

namespace Wgig.Translate.Worker.Storage;

/// <summary>
/// The one explicit step that brings a database up to date: the store's EF Core migrations and
/// Hangfire's schema. The run command and the tests both call it; API and Worker never migrate on start.
/// </summary>
public static class StoreMigrator
{
    /// <summary>
    /// The last of the migrations squashed into the initial one (2026-11-28). A database that went through all
    /// of them has exactly the initial migration's tables and columns, so its history is rewritten to say so.
    /// </summary>
    public const string LastSquashedMigration = "20261128122606_LapsedSegmentsWithoutForeignKeys";

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using (var db = StoreServiceCollectionExtensions.OpenStore(dataSource))
        {
            await AdoptSquashedHistoryAsync(db, logger, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Store schema up to date ({Count} migrations applied).", pending.Count);
        }
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

    private static async Task AdoptSquashedHistoryAsync(TranslationDb db, ILogger logger, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var known = db.Database.GetMigrations().ToHashSet();
        if (applied.Count == 0 || applied.All(known.Contains))
        {
            return;
        }
        if (!applied.Contains(LastSquashedMigration))
        {
            throw new InvalidOperationException(
                $"This database was migrated by an older build up to '{applied.Max()}', before the migrations were squashed. " +
                $"Run that build's migrate step once more (up to {LastSquashedMigration}), or start from a new database.");
        }
        var initial = known.Min()!;
        var insert = db.GetService<IHistoryRepository>().GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion()));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {TranslationDb.Schema}.{StoreServiceCollectionExtensions.MigrationsHistoryTable}", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Adopted the squashed migration history: {Count} earlier migrations are now '{Initial}'.", applied.Count, initial);
    }
}
