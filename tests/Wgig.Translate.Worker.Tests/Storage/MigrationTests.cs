using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Storage;

namespace Wgig.Translate.Worker.Tests.Storage;

public sealed class MigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        // The fixture ran the migrate step on a database created empty.
        await using var db = database.OpenStore();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Model.GetRelationalModel() is null);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration captures: add a migration.");
    }

    [Fact]
    public async Task Migrate_creates_the_store_and_job_storage_schemas()
    {
        var tables = await database.QueryAsync<string>(
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
        await database.ResetAsync();
        await database.ExecuteAsync("""
            INSERT INTO translate.projects (id, name, normalized_name, source_language, target_languages, created_at,
                ladder_overdue_notice, ladder_reassign_lapsed_work, ladder_alert_coordinators)
            VALUES (gen_random_uuid(), 'Kept', 'KEPT', 'en', '{fr}', now(), true, true, true)
            """);
        var before = await database.SnapshotAsync();

        await StoreMigrator.MigrateAsync(database.DataSource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task A_database_migrated_before_the_squash_adopts_the_initial_migration_and_keeps_its_data()
    {
        await database.ResetAsync();
        // Such a database has the initial migration's schema only: the migrations after it are taken back first.
        await using (var store = database.OpenStore())
        {
            await store.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(store.Database.GetMigrations().First());
        }
        await database.ExecuteAsync("""
            INSERT INTO translate.projects (id, name, normalized_name, source_language, target_languages, created_at,
                ladder_overdue_notice, ladder_reassign_lapsed_work, ladder_alert_coordinators)
            VALUES (gen_random_uuid(), 'Kept', 'KEPT', 'en', '{fr}', now(), true, true, true);
            DELETE FROM translate.__migrations;
            INSERT INTO translate.__migrations (migration_id, product_version)
            VALUES ('20261128053834_Initial', '10.0.15'), ('20261128120953_BatchDeadline', '10.0.15'),
                   ('20261128122606_LapsedSegmentsWithoutForeignKeys', '10.0.15');
            """);
        var before = await DataAsync();

        await StoreMigrator.MigrateAsync(database.DataSource, NullLogger.Instance, CancellationToken.None);

        await using var db = database.OpenStore();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // Its rows are all there; the later migrations' tables came empty.
        var after = await DataAsync();
        Assert.Equal(before, after.Where(table => before.ContainsKey(table.Key)).ToDictionary());
        Assert.All(after.Where(table => !before.ContainsKey(table.Key)), table => Assert.Equal("0:", table.Value));
    }

    [Fact]
    public async Task A_database_left_halfway_through_the_squashed_migrations_is_refused_with_what_to_do()
    {
        await database.ExecuteAsync("""
            DELETE FROM translate.__migrations;
            INSERT INTO translate.__migrations (migration_id, product_version) VALUES ('20261128053834_Initial', '10.0.15');
            """);
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(
                () => StoreMigrator.MigrateAsync(database.DataSource, NullLogger.Instance, CancellationToken.None));
            Assert.Contains(StoreMigrator.LastSquashedMigration, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await using var db = database.OpenStore();
            await database.ExecuteAsync($"DELETE FROM translate.__migrations; INSERT INTO translate.__migrations VALUES {string.Join(", ", db.Database.GetMigrations().Select(m => $"('{m}', '10.0.15')"))}");
        }
    }

    private async Task<Dictionary<string, string>> DataAsync() =>
        (await database.SnapshotAsync()).Where(table => table.Key != "__migrations").ToDictionary();
}
