using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Storage;

namespace Wgig.Translate.Worker.Tests.Storage;

public sealed class MigrationTests : IClassFixture<TestDatabase>
{
    private readonly TestDatabase _database;

    // These tests take migrations back and forth: their database goes to no other class.
    public MigrationTests(TestDatabase database)
    {
        _database = database;
        database.DropWhenDone();
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        // The fixture ran the migrate step on a database created empty.
        await using var db = _database.OpenStore();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Model.GetRelationalModel() is null);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration.");
    }

    [Fact]
    public async Task Migrate_creates_the_store_and_job_storage_schemas()
    {
        var tables = await _database.QueryAsync<string>(
            "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('translate', 'hangfire') ORDER BY 1");

        Assert.Contains("translate.projects", tables);
        Assert.Contains("translate.segments", tables);
        Assert.Contains("translate.document_progress", tables);
        Assert.Contains("hangfire.job", tables);
        Assert.Contains("hangfire.jobqueue", tables);
    }

    [Fact]
    public async Task Migrating_again_changes_nothing_and_keeps_data()
    {
        await _database.ResetAsync();
        await _database.ExecuteAsync("""
            INSERT INTO translate.projects (id, name, normalized_name, source_language, target_languages, created_at,
                ladder_overdue_notice, ladder_reassign_lapsed_work, ladder_alert_coordinators)
            VALUES (gen_random_uuid(), 'Kept', 'KEPT', 'en', '{fr}', now(), true, true, true)
            """);
        var before = await _database.SnapshotAsync();

        await StoreMigrator.MigrateAsync(_database.DataSource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(before, await _database.SnapshotAsync());
    }

    [Fact]
    public async Task A_database_migrated_before_the_squash_adopts_the_initial_migration_and_keeps_its_data()
    {
        await _database.ResetAsync();
        // A database of the squash's time has the initial migration's schema: the migrations made since are taken back first.
        await using (var squashed = _database.OpenStore())
        {
            await squashed.GetService<IMigrator>().MigrateAsync(squashed.Database.GetMigrations().First());
        }
        await _database.ExecuteAsync("""
            INSERT INTO translate.projects (id, name, normalized_name, source_language, target_languages, created_at,
                ladder_overdue_notice, ladder_reassign_lapsed_work, ladder_alert_coordinators)
            VALUES (gen_random_uuid(), 'Kept', 'KEPT', 'en', '{fr}', now(), true, true, true);
            DELETE FROM translate.__migrations;
            INSERT INTO translate.__migrations (migration_id, product_version)
            VALUES ('20261128203212_Initial', '10.0.15'), ('20261128210334_OpenTargetQueuesAndOneLeaseExpiry', '10.0.15'),
                   ('20261128230400_Hardening', '10.0.15'), ('20261128235246_CommentsAndInterfaceLanguage', '10.0.15'),
                   ('20261129001821_TranslationAids', '10.0.15'), ('20261129004205_InvitationRights', '10.0.15'),
                   ('20261129011657_LiveProgressAndDocumentOrigin', '10.0.15'), ('20261129025419_MemoryWordIndex', '10.0.15'),
                   ('20261129054656_RepositoryConnectionCheck', '10.0.15'), ('20261129060116_CredentialChangeNotices', '10.0.15'),
                   ('20261129113500_RightChangeNotices', '10.0.15'), ('20261129123631_CheckSettingNotices', '10.0.15');
            """);
        var before = await DataAsync();

        await StoreMigrator.MigrateAsync(_database.DataSource, NullLogger.Instance, CancellationToken.None);

        await using var db = _database.OpenStore();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(before, await DataAsync());
    }

    [Fact]
    public async Task A_database_left_halfway_through_the_squashed_migrations_is_refused_with_what_to_do()
    {
        await _database.ExecuteAsync("""
            DELETE FROM translate.__migrations;
            INSERT INTO translate.__migrations (migration_id, product_version)
            VALUES ('20261128203212_Initial', '10.0.15'), ('20261129113500_RightChangeNotices', '10.0.15');
            """);
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(
                () => StoreMigrator.MigrateAsync(_database.DataSource, NullLogger.Instance, CancellationToken.None));
            Assert.Contains(Domain.Storage.StoreSchema.LastSquashedMigration, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await using var db = _database.OpenStore();
            await _database.ExecuteAsync("DELETE FROM translate.__migrations; " +
                string.Concat(db.Database.GetMigrations().Select(m => $"INSERT INTO translate.__migrations VALUES ('{m}', '10.0.15');")));
        }
    }

    private async Task<Dictionary<string, string>> DataAsync() =>
        (await _database.SnapshotAsync()).Where(table => table.Key != "__migrations").ToDictionary();
}
