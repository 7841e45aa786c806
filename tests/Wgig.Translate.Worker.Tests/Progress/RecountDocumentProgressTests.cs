using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Progress;

namespace Wgig.Translate.Worker.Tests.Progress;

public sealed class RecountDocumentProgressTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private async Task<Document> ImportAsync(ServiceProvider services, string markdown, params string[] targets)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Domain.Storage.TranslationDb>();
        var project = Project.Create("Recount", "en", targets, _clock.GetUtcNow()).Value!;
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var imported = await scope.ServiceProvider.GetRequiredService<DocumentImport>()
            .ImportNewAsync(project.Id, new DocumentUpload("paper.md", null, Encoding.UTF8.GetBytes(markdown)), CancellationToken.None);
        return imported.Value!;
    }

    private static async Task RunAsync(ServiceProvider services, Guid documentId)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecountDocumentProgress>().RunAsync(documentId, CancellationToken.None);
    }

    [Fact]
    public async Task Counts_segments_and_words_translated_and_approved_per_target_language()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        // Words: "One two three." 3, "Four five." 2, "Six." 1, "Seven eight nine ten." 4 → 10 in all.
        var document = await ImportAsync(services, "One two three.\n\nFour five.\n\nSix.\n\nSeven eight nine ten.\n", "fr", "ar");
        var segments = document.Segments.OrderBy(s => s.Ordinal).ToList();
        // The workflow that moves targets between states comes with claims and reviews; until then the
        // test stores targets the way a finished workflow would have left them.
        await AddTargetAsync(segments[0].Id, "fr", TargetState.Approved);
        await AddTargetAsync(segments[1].Id, "fr", TargetState.Translated);
        await AddTargetAsync(segments[2].Id, "fr", TargetState.Claimed);
        await AddTargetAsync(segments[3].Id, "ar", TargetState.Approved);

        await RunAsync(services, document.Id);

        await using var check = database.OpenStore();
        var progress = await check.DocumentProgress.OrderBy(p => p.Language).ToListAsync();
        Assert.Equal(
            [("ar", 4, 10, 1, 4, 1, 4), ("fr", 4, 10, 2, 5, 1, 3)],
            progress.Select(p => (p.Language, p.SegmentCount, p.WordCount, p.TranslatedSegments, p.TranslatedWords, p.ApprovedSegments, p.ApprovedWords)));
        Assert.All(progress, p => Assert.Equal(_clock.GetUtcNow(), p.RecountedAt));
        Assert.Equal(50.0, progress.Single(p => p.Language == "fr").TranslatedPercent);
    }

    [Fact]
    public async Task Running_twice_gives_the_same_rows_and_a_later_count_replaces_an_earlier_one()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var document = await ImportAsync(services, "Alpha beta.\n\nGamma.\n", "fr");

        await RunAsync(services, document.Id);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await RunAsync(services, document.Id);

        await using var db = database.OpenStore();
        var row = Assert.Single(await db.DocumentProgress.ToListAsync());
        Assert.Equal((2, 3, _clock.GetUtcNow()), (row.SegmentCount, row.WordCount, row.RecountedAt));
    }

    [Fact]
    public async Task Retired_segments_and_dropped_languages_do_not_count()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var document = await ImportAsync(services, "Kept words here.\n\nRetired.\n", "fr", "es");
        await RunAsync(services, document.Id);

        var retired = document.Segments.Single(s => s.Content.PlainText == "Retired.").Id;
        await database.ExecuteAsync($"UPDATE translate.segments SET retired_in_version = 2 WHERE id = '{retired}'");
        await database.ExecuteAsync("UPDATE translate.projects SET target_languages = '{fr}'");
        await RunAsync(services, document.Id);

        await using var db = database.OpenStore();
        var row = Assert.Single(await db.DocumentProgress.ToListAsync());
        Assert.Equal(("fr", 1, 3), (row.Language, row.SegmentCount, row.WordCount));
    }

    private Task AddTargetAsync(Guid segmentId, string language, TargetState state) =>
        database.InsertTargetAsync(segmentId, language, state.ToString(), "traduction");
}
