using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Claims;

namespace Wgig.Translate.Worker.Tests.Claims;

public sealed class ReclaimExpiredClaimsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private async Task<Guid> ImportAsync(ServiceProvider services, int paragraphs)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
        var project = Project.Create($"Reclaim {Guid.NewGuid():N}", "en", ["fr"], _clock.GetUtcNow()).Value!;
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var markdown = string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} says one thing."));
        return (await scope.ServiceProvider.GetRequiredService<DocumentImport>()
            .ImportNewAsync(project.Id, new DocumentUpload("paper.md", null, Encoding.UTF8.GetBytes(markdown)), CancellationToken.None)).Value!.Id;
    }

    private static async Task<ClaimedBatch> ClaimAsync(ServiceProvider services, Guid volunteer, Guid documentId, int words)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ClaimNext>().ClaimAsync(volunteer, documentId, "fr", words, CancellationToken.None)).Value!;
    }

    private static async Task<int> SweepAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReclaimExpiredClaims>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Expired_claims_go_back_to_the_pool_with_their_drafts_kept_in_history_and_live_ones_stay()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var documentId = await ImportAsync(services, paragraphs: 4);
        var anas = await ClaimAsync(services, Ana, documentId, words: 10); // two segments
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
            var target = await db.Targets.SingleAsync(t => t.SegmentId == anas.SegmentIds[0]);
            Assert.Null(target.SaveDraft(Ana, SegmentContent.FromText("Le paragraphe 1"), _clock.GetUtcNow(), TestWork.Rules));
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromHours(47));
        var bos = await ClaimAsync(services, Bo, documentId, words: 5); // still live after the sweep
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(2, await SweepAsync(services));
        Assert.Equal(0, await SweepAsync(services)); // safe to run again

        await using var check = services.CreateAsyncScope();
        var store = check.ServiceProvider.GetRequiredService<TranslationDb>();
        var targets = await store.Targets.Include(t => t.History).ToDictionaryAsync(t => t.SegmentId);
        Assert.All(anas.SegmentIds, id => Assert.Equal((TargetState.Untranslated, (Guid?)null, (string?)null), (targets[id].State, targets[id].ClaimedBy, targets[id].Draft)));
        Assert.Equal((TargetState.Claimed, (Guid?)Bo), (targets[bos.SegmentIds[0]].State, targets[bos.SegmentIds[0]].ClaimedBy));
        var withDraft = targets[anas.SegmentIds[0]].History.OrderBy(e => e.Sequence).ToList();
        Assert.Equal([(1, TargetEventKind.Claimed, (Guid?)Ana, (string?)null), (2, TargetEventKind.Expired, null, null), (3, TargetEventKind.DraftSetAside, Ana, "Le paragraphe 1")],
            withDraft.Select(e => (e.Sequence, e.Kind, e.ActorId, e.Text)));
        Assert.Equal([TargetEventKind.Claimed, TargetEventKind.Expired], targets[anas.SegmentIds[1]].History.OrderBy(e => e.Sequence).Select(e => e.Kind));

        // The segments are in the pool again, and their history numbering carries on.
        var again = await ClaimAsync(services, Bo, documentId, words: 10);
        Assert.Equal(anas.SegmentIds, again.SegmentIds);
        Assert.Equal(4, (await store.TargetEvents.Where(e => e.TargetId == targets[anas.SegmentIds[0]].Id).MaxAsync(e => e.Sequence)));
    }

    [Fact]
    public async Task Two_workers_sweeping_at_once_reclaim_each_expired_segment_exactly_once()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var documentId = await ImportAsync(services, paragraphs: 2000);
        for (var volunteer = 1; volunteer <= 10; volunteer++)
        {
            await ClaimAsync(services, Guid.Parse($"00000000-0000-0000-0000-{volunteer:D12}"), documentId, words: 1000);
        }
        _clock.Advance(TimeSpan.FromDays(3));

        var counts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => SweepAsync(services))));

        Assert.Equal(2000, counts.Sum());
        var expiredEvents = await database.QueryAsync<long>("SELECT count(*) FROM translate.target_events WHERE kind = 'Expired'");
        Assert.Equal(2000, expiredEvents.Single());
        Assert.Equal([0L], await database.QueryAsync<long>("SELECT count(*) FROM translate.targets WHERE state = 'Claimed'"));
    }

    [Fact]
    public async Task Review_batches_that_ran_out_go_back_to_the_review_queue()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, _clock);
        var documentId = await ImportAsync(services, paragraphs: 1);
        var claim = await ClaimAsync(services, Ana, documentId, words: 5);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
            var target = await db.Targets.SingleAsync(t => t.SegmentId == claim.SegmentIds[0]);
            var source = (await db.Segments.SingleAsync(s => s.Id == claim.SegmentIds[0])).Content;
            Assert.Null(target.Submit(Ana, SegmentContent.FromText("Le paragraphe 1 dit une chose."), source, _clock.GetUtcNow(), TestWork.Rules));
            Assert.Null(target.ClaimReview(TestWork.Open(db, Bo, target, _clock.GetUtcNow(), ClaimKind.Review), _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromHours(49));

        await SweepAsync(services);

        Assert.Equal([true], await database.QueryAsync<bool>("SELECT review_claimed_by IS NULL AND state = 'Translated' FROM translate.targets"));
    }
}
