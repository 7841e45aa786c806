using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Storage;

/// <summary>
/// The one explicit step that brings a database up to date: the store's EF Core migrations and
/// Hangfire's schema. The run command and the tests both call it; API and Worker never migrate on start.
/// </summary>
public static class StoreMigrator
{
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using (var db = StoreServiceCollectionExtensions.OpenStore(dataSource))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Store schema up to date ({Count} migrations applied).", pending.Count);
        }
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            PostgreSqlObjectsInstaller.Install(connection, HangfireStorage.StorageSchema);
        }
        logger.LogInformation("Job storage schema '{Schema}' up to date.", HangfireStorage.StorageSchema);
    }
}
