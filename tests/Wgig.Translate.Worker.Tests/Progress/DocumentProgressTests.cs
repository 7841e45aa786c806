using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Progress;

namespace Wgig.Translate.Worker.Tests.Progress;

/// <summary>
/// Progress kept by the database: whatever writes targets or segments (EF, set-based SQL, COPY) moves it in its own
/// transaction; the fold and the recount (the repair tool) leave what a reader sees exact.
/// </summary>
public sealed class DocumentProgressTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    // Words: "One two three." 3, "Four five." 2, "Six." 1, "Seven eight nine ten." 4 → 10 in all.
    private const string Paper = "One two three.\n\nFour five.\n\nSix.\n\nSeven eight nine ten.\n";

    private async Task<Document> ImportAsync(ServiceProvider services, string markdown, params string[] targets)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Domain.Storage.TranslationDb>();
        var project = Project.Create("Progress", "en", targets, _clock.GetUtcNow()).Value!;
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var imported = await scope.ServiceProvider.GetRequiredService<DocumentImport>()
            .ImportNewAsync(project.Id, new DocumentUpload("paper.md", null, Encoding.UTF8.GetBytes(markdown)), CancellationToken.None);
        return imported.Value!;
    }

    private async Task<IReadOnlyList<(string, int, int, int, int, int, int)>> ProgressAsync(Guid documentId)
    {
        await using var db = database.OpenStore();
        return [.. (await ProgressCounts.ForAsync(db, documentId, CancellationToken.None))
            .Select(p => (p.Language, p.SegmentCount, p.WordCount, p.TranslatedSegments, p.TranslatedWords, p.ApprovedSegments, p.ApprovedWords))];
    }

    [Fact]
    public async Task Targets_written_by_plain_sql_move_progress_at_once_in_every_target_language()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var document = await ImportAsync(services, Paper, "fr", "ar");
        var segments = document.Segments.OrderBy(s => s.Ordinal).ToList();
        Assert.Equal([("fr", 4, 10, 0, 0, 0, 0), ("ar", 4, 10, 0, 0, 0, 0)], await ProgressAsync(document.Id));

        await AddTargetAsync(segments[0].Id, "fr", TargetState.Approved);
        await AddTargetAsync(segments[1].Id, "fr", TargetState.Translated);
        await AddTargetAsync(segments[2].Id, "fr", TargetState.Claimed);
        await AddTargetAsync(segments[3].Id, "ar", TargetState.Approved);

        Assert.Equal([("fr", 4, 10, 2, 5, 1, 3), ("ar", 4, 10, 1, 4, 1, 4)], await ProgressAsync(document.Id));

        // One set-based statement for many rows, as the Worker's sweep writes: the claimed one handed in, the approved one sent back.
        await database.ExecuteAsync($"""
            UPDATE translate.targets SET state = CASE state WHEN 'Claimed' THEN 'Translated' WHEN 'Approved' THEN 'NeedsUpdate' ELSE state END
            WHERE segment_id IN ('{segments[0].Id}', '{segments[2].Id}') AND language = 'fr'
            """);
        Assert.Equal([("fr", 4, 10, 2, 3, 0, 0), ("ar", 4, 10, 1, 4, 1, 4)], await ProgressAsync(document.Id));
    }

    [Fact]
    public async Task A_change_rolled_back_leaves_progress_as_it_was()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var document = await ImportAsync(services, Paper, "fr");
        var first = document.Segments.OrderBy(s => s.Ordinal).First().Id;

        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var insert = new NpgsqlCommand($"""
                UPDATE translate.targets SET state = 'Approved', text = 'Un deux trois.', updated_at = now()
                WHERE segment_id = '{first}' AND language = 'fr'
                """, connection, transaction);
            await insert.ExecuteNonQueryAsync();
            // Inside the transaction the change is counted; outside it is not, until it commits.
            Assert.Equal([("fr", 4, 10, 0, 0, 0, 0)], await ProgressAsync(document.Id));
            await transaction.RollbackAsync();
        }

        Assert.Equal([("fr", 4, 10, 0, 0, 0, 0)], await ProgressAsync(document.Id));
    }

    [Fact]
    public async Task Targets_copied_in_bulk_are_counted()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var document = await ImportAsync(services, Paper, "fr");

        // The import's open (untranslated) targets make way for the copied ones.
        await database.ExecuteAsync($"DELETE FROM translate.targets WHERE document_id = '{document.Id}' AND language = 'fr'");
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY translate.targets (id, segment_id, language, document_id, ordinal, word_count, state, text, updated_at, events_recorded) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var segment in document.Segments)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.NewGuid());
                await copy.WriteAsync(segment.Id);
                await copy.WriteAsync("fr");
                await copy.WriteAsync(document.Id);
                await copy.WriteAsync(segment.Ordinal);
                await copy.WriteAsync(segment.WordCount);
                await copy.WriteAsync(segment.Ordinal % 2 == 0 ? "Approved" : "Untranslated");
                await copy.WriteAsync("texte");
                await copy.WriteAsync(_clock.GetUtcNow());
                await copy.WriteAsync(0);
            }
            await copy.CompleteAsync();
        }

        // Segments 2 and 4 approved: "Four five." and "Seven eight nine ten.".
        Assert.Equal([("fr", 4, 10, 2, 6, 2, 6)], await ProgressAsync(document.Id));
    }

    [Fact]
    public async Task A_new_version_that_retires_or_rewords_a_translated_segment_moves_its_share()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var document = await ImportAsync(services, Paper, "fr");
        foreach (var segment in document.Segments)
        {
            await AddTargetAsync(segment.Id, "fr", TargetState.Approved);
        }
        Assert.Equal([("fr", 4, 10, 4, 10, 4, 10)], await ProgressAsync(document.Id));

        // "Six." goes; "Seven eight nine ten." becomes "Seven eight nine ten eleven." (edited: its translation needs an update).
        await services.InScopeAsync(scope => scope.GetRequiredService<DocumentImport>().ImportVersionAsync(document.ProjectId, document.Id,
            new DocumentUpload("paper.md", null, "One two three.\n\nFour five.\n\nSeven eight nine ten eleven.\n"u8.ToArray()), CancellationToken.None));

        Assert.Equal([("fr", 3, 10, 2, 5, 2, 5)], await ProgressAsync(document.Id));
        await AssertMatchesRecountAsync(document.Id);
    }

    [Fact]
    public async Task Folding_and_recounting_change_nothing_a_reader_sees_and_the_recount_repairs_a_broken_ledger()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var document = await ImportAsync(services, Paper, "fr", "es");
        var segments = document.Segments.OrderBy(s => s.Ordinal).ToList();
        await AddTargetAsync(segments[0].Id, "fr", TargetState.Approved);
        await AddTargetAsync(segments[3].Id, "es", TargetState.Translated);
        var before = await ProgressAsync(document.Id);

        var folded = await services.InScopeAsync(scope => scope.GetRequiredService<FoldDocumentProgress>().RunAsync(CancellationToken.None));

        Assert.Equal(2, folded);
        Assert.Equal([0L], await database.QueryAsync<long>("SELECT count(*) FROM translate.document_progress_changes"));
        Assert.Equal(before, await ProgressAsync(document.Id));

        // Something wrote around the triggers (a restored backup, a hand-made fix): the recount puts it right, and running it twice is the same.
        await database.ExecuteAsync($"""
            INSERT INTO translate.document_progress_changes (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
            VALUES ('{document.Id}', 'fr', 7, 70, 7, 70)
            """);
        Assert.NotEqual(before, await ProgressAsync(document.Id));
        for (var run = 0; run < 2; run++)
        {
            await services.InScopeAsync(async scope =>
            {
                await scope.GetRequiredService<RecountDocumentProgress>().RunAsync(document.Id, CancellationToken.None);
                return true;
            });
            Assert.Equal(before, await ProgressAsync(document.Id));
        }
    }

    [Fact]
    public async Task Dropped_languages_are_not_listed()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var document = await ImportAsync(services, "Kept words here.\n\nAnd more.\n", "fr", "es");
        await AddTargetAsync(document.Segments[0].Id, "es", TargetState.Approved);

        await database.ExecuteAsync("UPDATE translate.projects SET target_languages = '{fr}'");

        Assert.Equal([("fr", 2, 5, 0, 0, 0, 0)], await ProgressAsync(document.Id));
    }

    private async Task AssertMatchesRecountAsync(Guid documentId)
    {
        var live = await ProgressAsync(documentId);
        await using var services = WorkerServices.Build(database, _clock);
        await services.InScopeAsync(async scope =>
        {
            await scope.GetRequiredService<RecountDocumentProgress>().RunAsync(documentId, CancellationToken.None);
            return true;
        });
        Assert.Equal(live, await ProgressAsync(documentId));
    }

    private Task AddTargetAsync(Guid segmentId, string language, TargetState state) =>
        database.InsertTargetAsync(segmentId, language, state.ToString(), "traduction");
}
