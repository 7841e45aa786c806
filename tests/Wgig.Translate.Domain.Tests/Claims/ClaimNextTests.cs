using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Claims;

[Trait("Needs", "PostgreSQL")]
public sealed class ClaimNextTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private async Task<Guid> ImportAsync(ServiceProvider services, int paragraphs, int wordsEach = 5)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
        var project = Project.Create($"Claims {Guid.NewGuid():N}", "en", ["fr"], _clock.GetUtcNow()).Value!;
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var markdown = string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} {string.Join(' ', Enumerable.Repeat("word", wordsEach - 2))}."));
        var document = await scope.ServiceProvider.GetRequiredService<DocumentImport>()
            .ImportNewAsync(project.Id, new DocumentUpload("many.md", null, Encoding.UTF8.GetBytes(markdown)), CancellationToken.None);
        return document.Value!.Id;
    }

    private static async Task<Wgig.Translate.Domain.Common.Result<ClaimedBatch>> ClaimAsync(ServiceProvider services, Guid volunteer, Guid documentId, int? words = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClaimNext>().ClaimAsync(volunteer, documentId, "fr", words, CancellationToken.None);
    }

    [Fact]
    public async Task A_batch_is_the_next_consecutive_open_segments_up_to_the_word_budget()
    {
        await database.ResetAsync();
        await using var services = DomainServices.Build(database, _clock);
        var documentId = await ImportAsync(services, paragraphs: 30);

        var first = (await ClaimAsync(services, Guid.NewGuid(), documentId, words: 23)).Value!;
        var second = (await ClaimAsync(services, Guid.NewGuid(), documentId, words: 10)).Value!;

        await using var db = database.OpenStore();
        var ordinals = await db.Segments.Where(s => s.DocumentId == documentId).OrderBy(s => s.Ordinal).Select(s => s.Id).ToListAsync();
        Assert.Equal(ordinals.Take(4), first.SegmentIds);
        Assert.Equal((20, _clock.GetUtcNow().AddHours(48)), (first.Words, first.ExpiresAt));
        Assert.Equal(ordinals.Skip(4).Take(2), second.SegmentIds);
        Assert.All(await db.Targets.Where(t => first.SegmentIds.Contains(t.SegmentId)).ToListAsync(),
            t => Assert.Equal((TargetState.Claimed, first.ClaimId), (t.State, t.ClaimId)));
    }

    [Fact]
    public async Task Claims_the_sweep_reclaimed_are_open_again_and_the_word_cap_holds()
    {
        await database.ResetAsync();
        await using var services = DomainServices.Build(database, _clock);
        var documentId = await ImportAsync(services, paragraphs: 2000);
        var ana = Guid.NewGuid();

        var first = (await ClaimAsync(services, ana, documentId, words: 2500)).Value!;
        var second = (await ClaimAsync(services, ana, documentId, words: 4000)).Value!;
        var capped = await ClaimAsync(services, ana, documentId);
        _clock.Advance(TimeSpan.FromHours(49));
        var beforeSweep = (await ClaimAsync(services, Guid.NewGuid(), documentId, words: 10)).Value!;
        await services.InScopeAsync(s => TestWork.ExpireLapsedAsync(s.GetRequiredService<TranslationDb>(), _clock.GetUtcNow()));
        var afterExpiry = (await ClaimAsync(services, Guid.NewGuid(), documentId, words: 10)).Value!;

        Assert.Equal((2500, 2500), (first.Words, second.Words));
        Assert.IsType<OpenWordsCapReached>(capped.Error);
        // Until the sweep reclaims them (recording the lapse), expired claims keep their segments out of the queue.
        Assert.DoesNotContain(beforeSweep.SegmentIds[0], first.SegmentIds.Concat(second.SegmentIds));
        Assert.Equal(first.SegmentIds.Take(2), afterExpiry.SegmentIds);
    }

    [Fact]
    public async Task Two_hundred_parallel_claims_by_fifty_volunteers_never_share_a_segment()
    {
        await database.ResetAsync();
        await using var services = DomainServices.Build(database, _clock);
        var documentId = await ImportAsync(services, paragraphs: 5000);
        var volunteers = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => ClaimAsync(services, volunteers[i % 50], documentId, words: 150))));

        var batches = results.Where(r => r.Succeeded).Select(r => r.Value!).ToList();
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.IsType<NothingToClaim>(r.Error));
        var claimedSegments = batches.SelectMany(b => b.SegmentIds).ToList();
        Assert.Equal(claimedSegments.Count, claimedSegments.Distinct().Count());
        await using var db = database.OpenStore();
        var targets = await db.Targets.Where(t => t.State == TargetState.Claimed).ToListAsync();
        Assert.Equal(claimedSegments.Order(), targets.Select(t => t.SegmentId).Order());
        Assert.All(batches, b => Assert.All(b.SegmentIds, id => Assert.Equal(b.ClaimId, targets.Single(t => t.SegmentId == id).ClaimId)));
        // 200 batches of 30 segments would be 6,000: more than the 5,000 there are, so all are claimed.
        Assert.Equal(5000, claimedSegments.Count);
        Assert.InRange(batches.Count, 167, 200);
    }
}
