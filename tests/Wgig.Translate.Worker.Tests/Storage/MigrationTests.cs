using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
        await MigrateDownToInitialAsync();
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
        Assert.Equal(before, (await DataAsync()).Where(table => before.ContainsKey(table.Key)).ToDictionary()); // later migrations add tables
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
            Assert.Contains(Domain.Storage.StoreSchema.LastSquashedMigration, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await using var db = database.OpenStore();
            await database.ExecuteAsync("DELETE FROM translate.__migrations; " +
                string.Concat(db.Database.GetMigrations().Select(m => $"INSERT INTO translate.__migrations VALUES ('{m}', '10.0.15');")));
        }
    }

    [Fact]
    public async Task A_database_from_before_the_open_queues_gets_a_target_per_segment_and_language_and_keeps_its_claims()
    {
        await database.ResetAsync();
        await MigrateDownToInitialAsync();
        await database.ExecuteAsync("""
            INSERT INTO translate.projects (id, name, normalized_name, source_language, target_languages, created_at,
                ladder_overdue_notice, ladder_reassign_lapsed_work, ladder_alert_coordinators)
            VALUES ('00000000-0000-0000-0000-000000000001', 'Old', 'OLD', 'en', '{fr,es}', now(), true, true, true);
            INSERT INTO translate.documents (id, project_id, path, format, current_version, created_at)
            VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'old.md', 'Markdown', 2, now());
            INSERT INTO translate.segments (id, document_id, key, ordinal, paragraph, sentence, kind, level, source, source_codes, space_after,
                word_count, added_in_version, retired_in_version)
            VALUES ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000002', 'a', 1, 0, 0, 'Paragraph', 0, 'One two.', '[]', '', 2, 1, NULL),
                   ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000002', 'b', 2, 1, 0, 'Paragraph', 0, 'Three four five.', '[]', '', 3, 1, NULL),
                   ('00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-000000000002', 'c', 3, 2, 0, 'Paragraph', 0, 'Gone.', '[]', '', 1, 1, 2);
            INSERT INTO translate.claims (id, volunteer_id, document_id, language, words, created_at, expires_at, kind)
            VALUES ('00000000-0000-0000-0000-0000000000c1', gen_random_uuid(), '00000000-0000-0000-0000-000000000002', 'fr', 2, now(), now() + interval '1 day', 'Translation');
            INSERT INTO translate.targets (id, segment_id, language, state, updated_at, claim_expires_at, claim_id, claimed_by, events_recorded, state_before_claim)
            VALUES (gen_random_uuid(), '00000000-0000-0000-0000-0000000000a1', 'fr', 'Claimed', now(), now() + interval '1 day',
                    '00000000-0000-0000-0000-0000000000c1', gen_random_uuid(), 1, 'Untranslated');
            """);

        await StoreMigrator.MigrateAsync(database.DataSource, NullLogger.Instance, CancellationToken.None);

        var targets = await database.QueryAsync<string>("""
            SELECT concat_ws(' ', s.key, t.language, t.state, t.ordinal, t.word_count, t.document_id = s.document_id, t.claim_id IS NOT NULL)
            FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id ORDER BY 1
            """);
        Assert.Equal(["a es Untranslated 1 2 t f", "a fr Claimed 1 2 t t", "b es Untranslated 2 3 t f", "b fr Untranslated 2 3 t f"], targets);
    }

    private async Task MigrateDownToInitialAsync()
    {
        await using var db = database.OpenStore();
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
    }

    private async Task<Dictionary<string, string>> DataAsync() =>
        (await database.SnapshotAsync()).Where(table => table.Key != "__migrations").ToDictionary();
}
