using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wgig.Translate.Domain.Storage;

/// <summary>
/// The store's own schema (schema <c>translate</c>) brought up to date by its EF Core migrations. The Worker's migrate
/// step runs this and then installs the job storage's schema beside it; the Domain's database tests run this alone,
/// since nothing they test touches the job storage.
/// </summary>
public static class StoreSchema
{
    /// <summary>
    /// The last of the migrations squashed into the initial one (the second squash, 2026-11-29). A database that went
    /// through all of them has exactly the initial migration's tables, columns, functions and triggers, so its history is
    /// rewritten to say so.
    /// </summary>
    public const string LastSquashedMigration = "20261129123631_CheckSettingNotices";

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using var db = StoreServiceCollectionExtensions.OpenStore(dataSource);
        await AdoptSquashedHistoryAsync(db, logger, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Store schema up to date ({Count} migrations applied).", pending.Count);
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
        // The squashed migrations become the initial one; migrations made after the squash stay as they are.
        var initial = known.Min()!;
        string[] squashed = [.. applied.Where(id => !known.Contains(id))];
        var insert = db.GetService<IHistoryRepository>().GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion()));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $"DELETE FROM {TranslationDb.Schema}.{StoreServiceCollectionExtensions.MigrationsHistoryTable} WHERE migration_id = ANY ({{0}})", [squashed], cancellationToken);
        if (!applied.Contains(initial))
        {
            await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Adopted the squashed migration history: {Count} earlier migrations are now '{Initial}'.", applied.Count, initial);
    }
}
