using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Claims;

/// <summary>
/// Coordinators' view of the work in progress and taking it back by hand (<see cref="ClaimTakeBack"/>), against the store:
/// what is left of each live claim, a whole claim or chosen segments taken back, drafts kept, the volunteer told.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[RunsLong(4)]
public sealed class ClaimTakeBackTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = ClaimTeam.Ana;
    private static readonly Guid Bo = ClaimTeam.Bo;
    private static readonly Guid Coordinator = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    private static Task<Result<ClaimedBatch>> ClaimAsync(ClaimTeam team, Guid volunteer, Guid documentId, int words) =>
        team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimAsync(volunteer, documentId, "fr", words, CancellationToken.None));

    private Task<int> DraftAsync(ClaimTeam team, Guid volunteer, Guid segmentId) => team.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<TranslationDb>();
        var target = await db.Targets.SingleAsync(t => t.SegmentId == segmentId && t.Language == "fr");
        Assert.Null(target.SaveDraft(volunteer, SegmentContent.FromText("Le brouillon"), _clock.GetUtcNow(), TestWork.Rules));
        return await db.SaveChangesAsync();
    });

    private static Task<Result<TakenBack>> TakeBackAsync(ClaimTeam team, Guid documentId, Guid claimId, Guid[]? segments = null, string? reason = null,
        Guid? projectId = null) =>
        team.UseAsync<ClaimTakeBack, Result<TakenBack>>(t => t.TakeBackAsync(projectId ?? team.ProjectId, documentId, claimId, segments, reason, Coordinator, "Carla",
            CancellationToken.None));

    private async Task<string[]> NoticesAsync(Guid volunteer) =>
        [.. await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{volunteer}' AND kind = 'WorkTakenBack' ORDER BY created_at")];

    [Fact]
    public async Task Work_in_progress_lists_what_is_left_of_each_live_claim_soonest_ending_first()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 12);
        var elsewhere = await team.AddPaperAsync("other.md", 2);
        var ana = (await ClaimAsync(team, Ana, paper, 15)).Value!;
        Assert.True((await ClaimAsync(team, Bo, elsewhere, 5)).Succeeded);
        await team.SubmitAsync(Ana, ana.SegmentIds[0]);
        await DraftAsync(team, Ana, ana.SegmentIds[2]);
        _clock.Advance(TimeSpan.FromHours(1));
        var bo = (await ClaimAsync(team, Bo, paper, 10)).Value!;
        var done = (await ClaimAsync(team, Bo, paper, 5)).Value!;
        await team.SubmitAsync(Bo, done.SegmentIds[0]);
        var review = (await team.UseAsync<ReviewNext, Result<ClaimedBatch>>(r => r.ClaimAsync(Ana, paper, "fr", 5, CancellationToken.None))).Value!;
        var released = (await ClaimAsync(team, Bo, paper, 5)).Value!;
        Assert.True((await team.UseAsync<ClaimLeases, Result<Claim>>(l => l.ReleaseAsync(paper, released.ClaimId, Bo, CancellationToken.None))).Succeeded);

        var inProgress = await team.UseAsync<ClaimTakeBack, IReadOnlyList<ClaimInProgress>>(t => t.InProgressAsync(paper, "fr", CancellationToken.None));

        Assert.Equal([ana.ClaimId, bo.ClaimId, review.ClaimId], inProgress.Select(c => c.ClaimId));
        Assert.Equal((ClaimKind.Translation, Ana, "Ana", 10, 1), (inProgress[0].Kind, inProgress[0].VolunteerId, inProgress[0].VolunteerName, inProgress[0].RemainingWords, inProgress[0].Drafts));
        Assert.Equal(ana.SegmentIds.Skip(1), inProgress[0].Remaining);
        Assert.Equal((ClaimKind.Translation, "Bo", 10, 0), (inProgress[1].Kind, inProgress[1].VolunteerName, inProgress[1].RemainingWords, inProgress[1].Drafts));
        Assert.Equal((ClaimKind.Review, "Ana", done.SegmentIds[0]), (inProgress[2].Kind, inProgress[2].VolunteerName, inProgress[2].Remaining.Single()));
        Assert.Equal(_clock.GetUtcNow().AddHours(-1) + TestWork.Rules.LeaseLength, inProgress[0].ExpiresAt);

        _clock.Advance(TestWork.Rules.LeaseLength - TimeSpan.FromHours(1));
        Assert.Equal([bo.ClaimId, review.ClaimId],
            (await team.UseAsync<ClaimTakeBack, IReadOnlyList<ClaimInProgress>>(t => t.InProgressAsync(paper, "fr", CancellationToken.None))).Select(c => c.ClaimId));
    }

    [Fact]
    public async Task Taking_back_a_whole_claim_ends_it_keeps_its_drafts_and_tells_the_volunteer_why()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 6);
        var claim = (await ClaimAsync(team, Ana, paper, 15)).Value!;
        await team.SubmitAsync(Ana, claim.SegmentIds[0]);
        await DraftAsync(team, Ana, claim.SegmentIds[1]);

        var taken = (await TakeBackAsync(team, paper, claim.ClaimId, reason: "  Needed for the plenary.  ")).Value!;

        Assert.Equal(new TakenBack(claim.ClaimId, ClaimKind.Translation, Ana, "Ana", taken.SegmentIds, 1, true), taken);
        Assert.Equal(claim.SegmentIds.Skip(1), taken.SegmentIds);
        foreach (var segment in taken.SegmentIds)
        {
            Assert.Equal((TargetState.Untranslated, null), ((await team.TargetAsync(segment)).State, (await team.TargetAsync(segment)).ClaimId));
        }
        Assert.Equal(TargetState.Translated, (await team.TargetAsync(claim.SegmentIds[0])).State);
        Assert.Equal([_clock.GetUtcNow()], await database.QueryAsync<DateTimeOffset>($"SELECT released_at FROM translate.claims WHERE id = '{claim.ClaimId}'"));
        Assert.Equal(["Carla took back 2 segment(s) of paper.md (fr) from your claim: Needed for the plenary. "
            + "Your 1 draft(s) are kept and offered to whoever translates them next."], await NoticesAsync(Ana));
        Assert.Equal(["Taken back from Ana by Carla: Needed for the plenary."], await database.QueryAsync<string>(
            $"SELECT comment FROM translate.target_events e JOIN translate.targets t ON t.id = e.target_id WHERE t.segment_id = '{claim.SegmentIds[2]}' AND e.kind = 'ClaimTakenBack'"));
    }

    [Fact]
    public async Task Taking_back_chosen_segments_leaves_the_rest_to_the_volunteer_until_their_claim_ends()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 6);
        var claim = (await ClaimAsync(team, Ana, paper, 15)).Value!;

        var taken = (await TakeBackAsync(team, paper, claim.ClaimId, [claim.SegmentIds[2]])).Value!;

        Assert.Equal([claim.SegmentIds[2]], taken.SegmentIds);
        Assert.Equal((0, false), (taken.DraftsKept, taken.ClaimEnded));
        Assert.Equal(TargetState.Claimed, (await team.TargetAsync(claim.SegmentIds[0])).State);
        Assert.Equal(["Carla took back 1 segment(s) of paper.md (fr) from your claim. The rest of it stays yours until 2026-12-01 09:00 UTC."],
            await NoticesAsync(Ana));
        Assert.Equal([(DateTimeOffset?)null], await database.QueryAsync<DateTimeOffset?>($"SELECT released_at FROM translate.claims WHERE id = '{claim.ClaimId}'"));
        Assert.Equal(["Taken back from Ana by Carla"], await database.QueryAsync<string>(
            $"SELECT comment FROM translate.target_events e JOIN translate.targets t ON t.id = e.target_id WHERE t.segment_id = '{claim.SegmentIds[2]}' AND e.kind = 'ClaimTakenBack'"));

        // Each taking back is told on its own, however many there are.
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([claim.SegmentIds[1]], (await TakeBackAsync(team, paper, claim.ClaimId, [claim.SegmentIds[1]])).Value!.SegmentIds);
        Assert.Equal(2, (await NoticesAsync(Ana)).Length);
    }

    [Fact]
    public async Task Taking_back_a_review_batch_returns_its_translations_to_the_review_queue()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        var (_, review) = await team.HandedInAndInReviewAsync(paper, words: 10, reviewWords: 10);

        // No segment chosen (an empty list as well as none) is the whole batch.
        var taken = (await TakeBackAsync(team, paper, review.ClaimId, [])).Value!;

        Assert.Equal((ClaimKind.Review, true), (taken.Kind, taken.ClaimEnded));
        foreach (var segment in review.SegmentIds)
        {
            Assert.Equal((TargetState.Translated, null), ((await team.TargetAsync(segment)).State, (await team.TargetAsync(segment)).ReviewClaimId));
        }
        Assert.Equal(["Carla took back 2 segment(s) of paper.md (fr) from your review batch."], await NoticesAsync(Ana));
    }

    [Fact]
    public async Task Taking_back_a_claim_with_nothing_left_in_it_ends_it_without_telling_the_volunteer()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 2);
        var claim = (await ClaimAsync(team, Ana, paper, 5)).Value!;
        await team.SubmitAsync(Ana, claim.SegmentIds[0]);

        var taken = (await TakeBackAsync(team, paper, claim.ClaimId, reason: new string('r', ClaimTakeBack.MaxReasonLength))).Value!;

        Assert.Equal((0, 0, true), (taken.SegmentIds.Count, taken.DraftsKept, taken.ClaimEnded));
        Assert.Equal([_clock.GetUtcNow()], await database.QueryAsync<DateTimeOffset>($"SELECT released_at FROM translate.claims WHERE id = '{claim.ClaimId}'"));
        Assert.Empty(await NoticesAsync(Ana));
    }

    [Fact]
    public async Task Taking_back_from_a_review_batch_names_every_segment_that_is_not_left_in_it()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        var (translated, review) = await team.HandedInAndInReviewAsync(paper, words: 10, reviewWords: 5);
        var before = await database.SnapshotAsync();

        var refused = (InvalidInputError)(await TakeBackAsync(team, paper, review.ClaimId, [review.SegmentIds[0], translated.SegmentIds[1], paper])).Error!;

        Assert.Equal($"2 of the segments given are not left in this review batch (handed in already, or never in it): {translated.SegmentIds[1]}, {paper}. "
            + "Take back only segments still left in it.", refused.Errors["segmentIds"].Single());
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Theory]
    [InlineData("another project", nameof(ProjectNotFound))]
    [InlineData("unknown claim", nameof(NoSuchClaim))]
    [InlineData("another document", nameof(NoSuchClaim))]
    [InlineData("run out", nameof(ClaimNotLive))]
    [InlineData("released", nameof(ClaimNotLive))]
    [InlineData("a segment handed in", "segmentIds: 1 of the segments given is not left in this claim (handed in already, or never in it): {0}. Take back only segments still left in it.")]
    [InlineData("a reason too long", "reason: A reason is at most 500 characters; this one has 501.")]
    public async Task Taking_back_refuses_what_is_not_left_in_a_live_claim_and_changes_nothing(string what, string refusal)
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        var claim = (await ClaimAsync(team, Ana, paper, 10)).Value!;
        await team.SubmitAsync(Ana, claim.SegmentIds[0]);
        var (document, claimId, segments, reason, project) = (paper, claim.ClaimId, (Guid[]?)null, (string?)null, team.ProjectId);
        switch (what)
        {
            case "another project":
                project = Guid.NewGuid();
                break;
            case "unknown claim":
                claimId = Guid.NewGuid();
                break;
            case "another document":
                document = await team.AddPaperAsync("other.md", 1);
                break;
            case "run out":
                _clock.Advance(TestWork.Rules.LeaseLength);
                break;
            case "released":
                await team.UseAsync<ClaimLeases, Result<Claim>>(l => l.ReleaseAsync(paper, claim.ClaimId, Ana, CancellationToken.None));
                break;
            case "a segment handed in":
                segments = [claim.SegmentIds[1], claim.SegmentIds[0]];
                break;
            case "a reason too long":
                reason = new string('r', 501);
                break;
        }
        var before = await database.SnapshotAsync();

        var refused = (await TakeBackAsync(team, document, claimId, segments, reason, project)).Error!;

        var said = refused is InvalidInputError invalid ? string.Join("", invalid.Errors.Select(e => $"{e.Key}: {e.Value.Single()}")) : refused.GetType().Name;
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, refusal, claim.SegmentIds[0]), said);
        if (refused is NoSuchClaim)
        {
            Assert.Equal(("Claim not found", $"Document '{document}' has no claim or review batch '{claimId}'."), (refused.Title, refused.Detail));
        }
        Assert.Equal(before, await database.SnapshotAsync());
    }

    // A new version of the document takes its segments apart (retired, renumbered): taking work back meanwhile would read and
    // change targets the import is rewriting. So it waits, as a claim does, for the version's transaction to end.
    [Fact]
    public async Task Taking_back_waits_for_a_new_version_of_the_document_under_way_then_takes_the_claim_back()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        var claim = (await ClaimAsync(team, Ana, paper, 10)).Value!;
        await using var version = database.OpenStore();
        await using (var importing = await version.Database.BeginTransactionAsync())
        {
            await DocumentLocks.ForVersionAsync(version, paper, CancellationToken.None);

            var takingBack = TakeBackAsync(team, paper, claim.ClaimId);
            await database.SessionWaitsForALockAsync(takingBack);

            Assert.False(takingBack.IsCompleted);
            Assert.Equal([2L], await database.QueryAsync<long>($"SELECT count(*) FROM translate.targets WHERE claim_id = '{claim.ClaimId}' AND state = 'Claimed'"));
            await importing.CommitAsync();

            Assert.Equal(claim.SegmentIds, (await takingBack).Value!.SegmentIds);
        }
        Assert.Equal([0L], await database.QueryAsync<long>($"SELECT count(*) FROM translate.targets WHERE claim_id = '{claim.ClaimId}' AND state = 'Claimed'"));
    }
}
