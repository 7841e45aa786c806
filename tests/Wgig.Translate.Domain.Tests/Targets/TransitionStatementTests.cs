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

namespace Wgig.Translate.Domain.Tests.Targets;

/// <summary>
/// The set-based statements (claim-next, the reclaim sweep, a new version's source changes) against the
/// target's own transitions, state by state: the same targets put through <see cref="Target"/> in memory and
/// through the statement in the database end with the same rows and the same events.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class TransitionStatementTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly SegmentContent Text = SegmentContent.FromText("Le paragraphe dit une chose.");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    // Each paragraph's target in a state of its own, reached through the workflow itself.
    private static readonly string[] Situations =
        ["untranslated", "needs update", "rejected, Ana's", "rejected, Bo's", "translated", "approved", "claimed by Bo", "claimed by Bo, drafted",
         "claimed by Ana after a rejection", "translated, in Ana's review batch", "retired"];

    [Fact]
    public async Task Claim_next_takes_exactly_the_targets_the_workflow_lets_the_volunteer_claim_and_records_what_Claim_records()
    {
        await using var services = await PrepareAsync();
        var before = await TargetsAsync();

        var claimed = (await services.InScopeAsync(s => s.GetRequiredService<ClaimNext>().ClaimAsync(Ana, before.Values.First().DocumentId, "fr", 1000, CancellationToken.None))).Value!;

        var now = _clock.GetUtcNow();
        var lease = Claim.Open(Ana, before.Values.First().DocumentId, "fr", now, TestWork.Rules);
        var expected = before.Where(t => t.Value.IsOpenFor(Ana, now) && !t.Value.IsRetired && t.Value.State != TargetState.Claimed)
            .Where(t => t.Value.Claim(lease, now) is null).Select(t => t.Key).ToHashSet();
        Assert.Equal(expected.Order(), claimed.SegmentIds.Order());
        var after = await TargetsAsync();
        foreach (var (segment, target) in before)
        {
            Assert.Equal(Row(target, expected.Contains(segment) ? claimed.ClaimId : target.ClaimId), Row(after[segment], after[segment].ClaimId));
        }
    }

    [Fact]
    public async Task The_sweep_expires_every_target_of_an_expired_claim_as_Expire_does_drafts_kept_in_the_history_and_review_batches_as_ExpireReview_does()
    {
        await using var services = await PrepareAsync();
        _clock.Advance(TimeSpan.FromDays(3));
        var now = _clock.GetUtcNow();
        var before = await TargetsAsync();

        await services.InScopeAsync(s => TestWork.SweepAsync(s.GetRequiredService<TranslationDb>(), now));

        var after = await TargetsAsync();
        foreach (var (segment, target) in before)
        {
            var claim = target.ClaimId;
            target.Expire(now);
            target.ExpireReview(now);
            Assert.Equal(Row(target, target.ClaimId), Row(after[segment], after[segment].ClaimId));
            Assert.True(claim is null || await database.QueryAsync<bool>($"SELECT lapsed_at IS NOT NULL FROM translate.claims WHERE id = '{claim}'") is [true]);
        }
    }

    [Fact]
    public async Task A_new_version_marks_edited_segments_targets_as_MarkSourceChanged_does()
    {
        await using var services = await PrepareAsync();
        var before = await TargetsAsync();
        var documentId = before.Values.First().DocumentId;

        var summary = await services.InScopeAsync(s => s.GetRequiredService<DocumentImport>().ImportVersionAsync(ProjectId, documentId,
            new DocumentUpload("paper.md", null, Paper(edited: true)), CancellationToken.None));

        Assert.Equal(Situations.Length - 1, summary.Value!.Changed);
        var after = await TargetsAsync();
        foreach (var (segment, target) in before.Where(t => !t.Value.IsRetired))
        {
            target.MarkSourceChanged(_clock.GetUtcNow());
            Assert.Equal(Row(target, target.ClaimId), Row(after[segment], after[segment].ClaimId));
        }
    }

    [Fact]
    public async Task A_volunteers_cap_of_open_words_holds_however_many_claims_they_make_at_once()
    {
        await database.ResetAsync();
        await using var services = DomainServices.Build(database, _clock, new Dictionary<string, string?> { ["Claims:MaxOpenWords"] = "100" });
        var documentId = await ImportAsync(services, 200);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
            services.InScopeAsync(s => s.GetRequiredService<ClaimNext>().ClaimAsync(Ana, documentId, "fr", 40, CancellationToken.None)))));

        Assert.Equal(100, results.Where(r => r.Succeeded).Sum(r => r.Value!.Words));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.IsType<OpenWordsCapReached>(r.Error));
        Assert.Equal([100L], await database.QueryAsync<long>("SELECT sum(word_count) FROM translate.targets WHERE state = 'Claimed'"));
    }

    private Guid ProjectId { get; set; }

    // The row as the workflow leaves it, and its events in order (kind, state after, actor, text).
    private static string Row(Target target, Guid? claimId) =>
        $"{target.State} before:{target.StateBeforeClaim} by:{target.ClaimedBy} claim:{claimId} draft:{target.Draft} text:{target.Text} " +
        $"review:{target.ReviewClaimedBy} events:{string.Join(",", target.History.OrderBy(e => e.Sequence).Select(e => $"{e.Sequence}:{e.Kind}>{e.StateAfter}/{e.ActorId}/{e.Text}"))}";

    private async Task<Dictionary<Guid, Target>> TargetsAsync()
    {
        await using var db = database.OpenStore();
        return await db.Targets.AsNoTracking().Include(t => t.History).Where(t => t.Language == "fr").ToDictionaryAsync(t => t.SegmentId);
    }

    private static byte[] Paper(bool edited = false) => Encoding.UTF8.GetBytes(string.Join("\n\n",
        Situations.Select((s, i) => edited && s != "retired" ? $"Paragraph {i} says one other thing." : $"Paragraph {i} says one thing.")));

    private async Task<Guid> ImportAsync(ServiceProvider services, int paragraphs)
    {
        var project = Project.Create($"Statements {Guid.NewGuid():N}", "en", ["fr", "es"], _clock.GetUtcNow()).Value!;
        ProjectId = project.Id;
        await services.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            db.Projects.Add(project);
            return await db.SaveChangesAsync();
        });
        var content = paragraphs > 0 ? Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} says one thing."))) : Paper();
        return (await services.InScopeAsync(s => s.GetRequiredService<DocumentImport>().ImportNewAsync(project.Id,
            new DocumentUpload("paper.md", null, content), CancellationToken.None))).Value!.Id;
    }

    // One target per situation, each brought there by the workflow's own transitions; the retired one by a new version.
    private async Task<ServiceProvider> PrepareAsync()
    {
        await database.ResetAsync();
        var services = DomainServices.Build(database, _clock);
        var documentId = await ImportAsync(services, 0);
        await services.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            var now = _clock.GetUtcNow();
            var segments = await db.Segments.Where(x => x.DocumentId == documentId).OrderBy(x => x.Ordinal).ToListAsync();
            var targets = await db.Targets.Where(t => t.DocumentId == documentId && t.Language == "fr").ToDictionaryAsync(t => t.SegmentId);
            for (var i = 0; i < Situations.Length; i++)
            {
                var (target, source) = (targets[segments[i].Id], segments[i].Content);
                switch (Situations[i])
                {
                    case "needs update":
                        TestWork.Approve(db, target, Ana, Bo, Text, source, now);
                        target.MarkSourceChanged(now);
                        break;
                    case "rejected, Ana's" or "claimed by Ana after a rejection":
                        TestWork.Submit(db, target, Ana, Text, source, now);
                        Assert.Null(target.Reject(Bo, "Use the UN term.", now));
                        if (Situations[i].StartsWith("claimed", StringComparison.Ordinal))
                        {
                            Assert.Null(target.Claim(TestWork.Open(db, Ana, target, now), now));
                        }
                        break;
                    case "rejected, Bo's":
                        TestWork.Submit(db, target, Bo, Text, source, now);
                        Assert.Null(target.Reject(Ana, "Use the UN term.", now));
                        break;
                    case "translated":
                        TestWork.Submit(db, target, Bo, Text, source, now);
                        break;
                    case "translated, in Ana's review batch":
                        TestWork.Submit(db, target, Bo, Text, source, now);
                        Assert.Null(target.ClaimReview(TestWork.Open(db, Ana, target, now, ClaimKind.Review), now));
                        break;
                    case "approved":
                        TestWork.Approve(db, target, Bo, Ana, Text, source, now);
                        break;
                    case "claimed by Bo" or "claimed by Bo, drafted":
                        Assert.Null(target.Claim(TestWork.Open(db, Bo, target, now), now));
                        if (Situations[i].EndsWith("drafted", StringComparison.Ordinal))
                        {
                            Assert.Null(target.SaveDraft(Bo, SegmentContent.FromText("Le paragraphe"), now, TestWork.Rules));
                        }
                        break;
                }
            }
            return await db.SaveChangesAsync();
        });
        // A version without the last paragraph retires it, target and all.
        var last = Encoding.UTF8.GetBytes(string.Join("\n\n", Situations.SkipLast(1).Select((s, i) => $"Paragraph {i} says one thing.")));
        await services.InScopeAsync(s => s.GetRequiredService<DocumentImport>().ImportVersionAsync(ProjectId, documentId,
            new DocumentUpload("paper.md", null, last), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(5));
        return services;
    }
}
