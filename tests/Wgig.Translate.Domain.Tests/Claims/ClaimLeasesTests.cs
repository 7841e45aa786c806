using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Claims;

/// <summary>
/// A volunteer's own leases against the store (<see cref="ClaimLeases"/>): renewing a translation claim or a review batch,
/// giving one back; only the holder acts on it, only while it is live, only with the right.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ClaimLeasesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = ClaimTeam.Ana;
    private static readonly Guid Bo = ClaimTeam.Bo;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    private sealed record Paper(ClaimTeam Team, Guid ProjectId, Guid DocumentId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Team.DisposeAsync();
    }

    // Six paragraphs of five words.
    private async Task<Paper> PrepareAsync()
    {
        var team = await ClaimTeam.StartAsync(database, _clock);
        return new Paper(team, team.ProjectId, await team.AddPaperAsync("leases.md", 6));
    }

    private static Task<Result<ClaimedBatch>> ClaimAsync(Paper paper, Guid volunteer, int words) =>
        paper.Team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimAsync(volunteer, paper.DocumentId, "fr", words, CancellationToken.None));

    private static Task<Result<ClaimedBatch>> ReviewAsync(Paper paper, Guid reviewer, int words) =>
        paper.Team.UseAsync<ReviewNext, Result<ClaimedBatch>>(r => r.ClaimAsync(reviewer, paper.DocumentId, "fr", words, CancellationToken.None));

    private static Task<T> LeasesAsync<T>(Paper paper, Func<ClaimLeases, Task<T>> act) => paper.Team.UseAsync(act);

    private static Task<Target> TargetAsync(Paper paper, Guid segmentId) => paper.Team.TargetAsync(segmentId);

    private async Task<Claim> ClaimRowAsync(Guid claimId)
    {
        await using var db = database.OpenStore();
        return await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claimId);
    }

    private static Task SubmitAsync(Paper paper, Guid volunteer, Guid segmentId) => paper.Team.SubmitAsync(volunteer, segmentId);

    [Theory]
    [InlineData("mine", null)]
    [InlineData("someone else's", nameof(ClaimNotFound))]
    [InlineData("in another document", nameof(ClaimNotFound))]
    [InlineData("an unknown id", nameof(ClaimNotFound))]
    [InlineData("released", nameof(ClaimNotLive))]
    [InlineData("run out", nameof(ClaimNotLive))]
    [InlineData("without the right any more", nameof(NoLanguageRight))]
    public async Task Renewing_a_translation_claim_runs_a_full_lease_from_now_for_what_is_still_held(string claim, string? refusal)
    {
        await using var paper = await PrepareAsync();
        var batch = (await ClaimAsync(paper, Ana, words: 15)).Value!;
        await SubmitAsync(paper, Ana, batch.SegmentIds[0]);
        var (document, claimId, volunteer) = (paper.DocumentId, batch.ClaimId, Ana);
        switch (claim)
        {
            case "someone else's":
                volunteer = Bo;
                break;
            case "in another document":
                document = Guid.NewGuid();
                break;
            case "an unknown id":
                claimId = Guid.NewGuid();
                break;
            case "released":
                Assert.True((await LeasesAsync(paper, l => l.ReleaseAsync(paper.DocumentId, batch.ClaimId, Ana, CancellationToken.None))).Succeeded);
                break;
            case "run out":
                _clock.Advance(TestWork.Rules.LeaseLength);
                break;
            case "without the right any more":
                await database.ExecuteAsync($"UPDATE translate.project_members SET can_translate = false WHERE account_id = '{Ana}'");
                break;
        }
        _clock.Advance(TimeSpan.FromHours(1));
        var before = await ClaimRowAsync(batch.ClaimId);

        var renewed = await LeasesAsync(paper, l => l.RenewAsync(paper.ProjectId, document, claimId, volunteer, CancellationToken.None));

        var after = await ClaimRowAsync(batch.ClaimId);
        if (refusal is not null)
        {
            Assert.Equal(refusal, renewed.Error!.GetType().Name);
            Assert.Equal((before.ExpiresAt, before.ReleasedAt), (after.ExpiresAt, after.ReleasedAt));
            return;
        }
        var expected = new ClaimedBatch(batch.ClaimId, paper.DocumentId, "fr", _clock.GetUtcNow() + TestWork.Rules.LeaseLength, batch.SegmentIds.Skip(1).ToList(), 15);
        Assert.Equal(expected with { SegmentIds = [] }, renewed.Value! with { SegmentIds = [] });
        Assert.Equal(expected.SegmentIds, renewed.Value!.SegmentIds);
        Assert.Equal(expected.ExpiresAt, after.ExpiresAt);
    }

    [Fact]
    public async Task Renewing_a_review_batch_needs_the_review_right_and_returns_the_translations_still_undecided()
    {
        await using var paper = await PrepareAsync();
        var (translated, review) = await paper.Team.HandedInAndInReviewAsync(paper.DocumentId, words: 15, reviewWords: 10);
        Assert.Equal(translated.SegmentIds.Take(2), review.SegmentIds);
        _clock.Advance(TimeSpan.FromHours(2));

        var renewed = (await LeasesAsync(paper, l => l.RenewAsync(paper.ProjectId, paper.DocumentId, review.ClaimId, Ana, CancellationToken.None))).Value!;

        Assert.Equal(review.SegmentIds, renewed.SegmentIds);
        // Another batch of the same reviewer is no part of this one.
        var other = (await ReviewAsync(paper, Ana, 5)).Value!;
        Assert.NotEqual(review.ClaimId, other.ClaimId);
        var again = (await LeasesAsync(paper, l => l.RenewAsync(paper.ProjectId, paper.DocumentId, review.ClaimId, Ana, CancellationToken.None))).Value!;
        Assert.Equal(review.SegmentIds, again.SegmentIds);
        Assert.Equal(_clock.GetUtcNow() + TestWork.Rules.LeaseLength, renewed.ExpiresAt);
        // A reviewer who may translate but no longer review does not keep the batch alive.
        await database.ExecuteAsync($"UPDATE translate.project_members SET can_review = false WHERE account_id = '{Ana}'");
        var refused = await LeasesAsync(paper, l => l.RenewAsync(paper.ProjectId, paper.DocumentId, review.ClaimId, Ana, CancellationToken.None));
        Assert.IsType<NoLanguageRight>(refused.Error);
    }

    [Fact]
    public async Task Releasing_a_claim_gives_back_what_is_unfinished_and_keeps_what_was_handed_in()
    {
        await using var paper = await PrepareAsync();
        var batch = (await ClaimAsync(paper, Ana, words: 15)).Value!;
        await SubmitAsync(paper, Ana, batch.SegmentIds[0]);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.IsType<ClaimNotFound>((await LeasesAsync(paper, l => l.ReleaseAsync(paper.DocumentId, batch.ClaimId, Bo, CancellationToken.None))).Error);
        Assert.IsType<ClaimNotFound>((await LeasesAsync(paper, l => l.ReleaseReviewAsync(paper.DocumentId, batch.ClaimId, Ana, CancellationToken.None))).Error);
        Assert.IsType<ClaimNotFound>((await LeasesAsync(paper, l => l.ReleaseAsync(Guid.NewGuid(), batch.ClaimId, Ana, CancellationToken.None))).Error);
        var released = await LeasesAsync(paper, l => l.ReleaseAsync(paper.DocumentId, batch.ClaimId, Ana, CancellationToken.None));

        Assert.Equal(batch.ClaimId, released.Value!.Id);
        var claim = await ClaimRowAsync(batch.ClaimId);
        Assert.Equal((_clock.GetUtcNow(), _clock.GetUtcNow()), (claim.ReleasedAt, claim.ExpiresAt));
        Assert.Equal(TargetState.Translated, (await TargetAsync(paper, batch.SegmentIds[0])).State);
        foreach (var segment in batch.SegmentIds.Skip(1))
        {
            var target = await TargetAsync(paper, segment);
            Assert.Equal((TargetState.Untranslated, null, null), (target.State, target.ClaimedBy, target.ClaimId));
        }
    }

    [Fact]
    public async Task Releasing_a_review_batch_gives_back_the_undecided_translations_to_the_review_queue()
    {
        await using var paper = await PrepareAsync();
        var (_, review) = await paper.Team.HandedInAndInReviewAsync(paper.DocumentId, words: 15, reviewWords: 10);

        Assert.IsType<ClaimNotFound>((await LeasesAsync(paper, l => l.ReleaseAsync(paper.DocumentId, review.ClaimId, Ana, CancellationToken.None))).Error);
        Assert.IsType<ClaimNotFound>((await LeasesAsync(paper, l => l.ReleaseReviewAsync(paper.DocumentId, review.ClaimId, Bo, CancellationToken.None))).Error);
        var released = await LeasesAsync(paper, l => l.ReleaseReviewAsync(paper.DocumentId, review.ClaimId, Ana, CancellationToken.None));

        Assert.Equal(_clock.GetUtcNow(), (await ClaimRowAsync(released.Value!.Id)).ReleasedAt);
        foreach (var segment in review.SegmentIds)
        {
            var target = await TargetAsync(paper, segment);
            Assert.Equal((TargetState.Translated, null, null), (target.State, target.ReviewClaimedBy, target.ReviewClaimId));
        }
        var again = (await ReviewAsync(paper, Ana, 10)).Value!;
        Assert.Equal(review.SegmentIds, again.SegmentIds);
    }
}
