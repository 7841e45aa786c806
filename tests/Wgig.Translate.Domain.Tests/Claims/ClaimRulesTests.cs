using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Claims;

/// <summary>
/// Claim-next's and review-next's rules against the store: what a volunteer may claim where, the batch sized by their
/// profile, the cap of open words, the project's next document by deadline, chosen segments, and their own lapsed claims.
/// </summary>
[RunsLong(8)]
[Trait("Needs", "PostgreSQL")]
public sealed class ClaimRulesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = ClaimTeam.Ana;
    private static readonly Guid Bo = ClaimTeam.Bo;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    private static Task<Result<ClaimedBatch>> ClaimAsync(ClaimTeam team, Guid volunteer, Guid documentId, string? language = "fr", int? words = null) =>
        team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimAsync(volunteer, documentId, language, words, CancellationToken.None));

    private static Task<Result<ClaimedBatch>> ClaimInProjectAsync(ClaimTeam team, Guid volunteer, Guid projectId, string? language = "fr", int? words = null) =>
        team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimInProjectAsync(volunteer, projectId, language, words, CancellationToken.None));

    private static async Task<DocumentLanguage> CheckedAsync(ClaimTeam team, Guid volunteer, Guid documentId) =>
        (await team.InScopeAsync(s => DocumentLanguage.FindForAsync(s.GetRequiredService<TranslationDb>(), team.ProjectId, documentId, "fr", volunteer,
            LanguageRight.Translate, CancellationToken.None))).Value!;

    [Theory]
    [InlineData("unknown document", "fr", nameof(DocumentNotFound))]
    [InlineData("paper", "de", nameof(NotATargetLanguage))]
    [InlineData("paper", null, nameof(NotATargetLanguage))]
    [InlineData("paper", "not a tag!", nameof(NotATargetLanguage))]
    [InlineData("paper", "FR", null)]
    public async Task Claim_next_refuses_a_document_or_language_that_is_not_there(string document, string? language, string? refusal)
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);

        var claimed = await ClaimAsync(team, Ana, document == "paper" ? paper : Guid.NewGuid(), language, 5);

        Assert.Equal(refusal, claimed.Error?.GetType().Name);
        Assert.Equal(refusal is null ? "fr" : null, claimed.Value?.Language);
    }

    // Capacity a week → words a batch (a 48-hour lease: two sevenths of it, at least 25) and the cap of open words.
    [Theory]
    [InlineData(0, 250, 5000)]
    [InlineData(350, 100, 350)]
    [InlineData(70, 25, 70)]
    [InlineData(70_000, 20_000, 5000)]
    public async Task A_batch_is_sized_by_the_volunteers_capacity_within_the_projects_cap(int capacity, int batchWords, int cap)
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", Math.Min(batchWords, cap) / 5 + 2);
        await team.ProfileAsync(Ana, p => p.Update([], capacity, "UTC", [], _clock.GetUtcNow()));
        var profile = (await team.InScopeAsync(s => VolunteerProfiles.StoredAsync(s.GetRequiredService<TranslationDb>(), Ana, CancellationToken.None)))!;

        var sizes = await team.InScopeAsync(s => Task.FromResult((s.GetRequiredService<ClaimNext>().BatchWordsFor(profile), s.GetRequiredService<ReviewNext>().BatchWordsFor(profile),
            OpenWords.LimitFor(profile, TestWork.Rules))));
        var claimed = (await ClaimAsync(team, Ana, paper)).Value!;

        Assert.Equal((batchWords, 2 * batchWords, cap), sizes);
        Assert.Equal(Math.Min(batchWords, cap) / 5 * 5, claimed.Words);
        Assert.Equal((250, 500), await team.InScopeAsync(s => Task.FromResult((s.GetRequiredService<ClaimNext>().BatchWordsFor(null), s.GetRequiredService<ReviewNext>().BatchWordsFor(null)))));
    }

    [Fact]
    public async Task A_paused_volunteer_claims_nothing_by_any_way()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        var checkedTarget = await CheckedAsync(team, Ana, paper);
        await team.ProfileAsync(Ana, p => p.Pause("Three claims lapsed.", _clock.GetUtcNow()));
        var profile = await team.InScopeAsync(s => VolunteerProfiles.StoredAsync(s.GetRequiredService<TranslationDb>(), Ana, CancellationToken.None));
        var segments = await team.SegmentsAsync(paper);

        Result<ClaimedBatch>[] refused =
        [
            await ClaimAsync(team, Ana, paper, words: 5),
            await ClaimInProjectAsync(team, Ana, team.ProjectId),
            await team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimChosenAsync(Ana, checkedTarget, profile, [segments[0]], null, CancellationToken.None)),
            await team.UseAsync<ReviewNext, Result<ClaimedBatch>>(r => r.ClaimAsync(Ana, paper, "fr", 5, CancellationToken.None)),
        ];

        Assert.All(refused, r => Assert.Equal(new VolunteerPaused(Ana, "Three claims lapsed."), r.Error));
        Assert.Equal(TargetState.Untranslated, (await team.TargetAsync(segments[0])).State);
    }

    [Fact]
    public async Task Claiming_in_a_project_takes_the_open_document_due_first_then_the_next_one()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var alpha = await team.AddPaperAsync("alpha.md", 2);
        var later = await team.AddPaperAsync("later.md", 2);
        var sooner = await team.AddPaperAsync("sooner.md", 2);
        await team.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            db.Deadlines.Add(Deadline.Set(later, "fr", _clock.GetUtcNow().AddDays(20), Bo, _clock.GetUtcNow()));
            db.Deadlines.Add(Deadline.Set(sooner, "fr", _clock.GetUtcNow().AddDays(10), Bo, _clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        var taken = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            taken.Add((await ClaimInProjectAsync(team, Ana, team.ProjectId, words: 1000)).Value!.DocumentId);
        }
        var none = await ClaimInProjectAsync(team, Ana, team.ProjectId);

        Assert.Equal([sooner, later, alpha], taken);
        Assert.Equal(new NothingToClaimInProject(team.ProjectId, "fr"), none.Error);
    }

    [Theory]
    [InlineData("unknown project", "fr", nameof(ProjectNotFound))]
    [InlineData("project", "es", nameof(NotATargetLanguage))]
    [InlineData("project", null, nameof(NotATargetLanguage))]
    [InlineData("project, without the right", "fr", nameof(NoLanguageRight))]
    public async Task Claiming_in_a_project_refuses_a_project_language_or_right_that_is_not_there(string project, string? language, string refusal)
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        await team.AddPaperAsync("paper.md", 2);
        var volunteer = project.EndsWith("right", StringComparison.Ordinal) ? Guid.NewGuid() : Ana;

        var claimed = await ClaimInProjectAsync(team, volunteer, project == "unknown project" ? Guid.NewGuid() : team.ProjectId, language);

        Assert.Equal(refusal, claimed.Error!.GetType().Name);
    }

    [Fact]
    public async Task Chosen_segments_are_claimed_all_or_none_within_the_cap()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 6);
        var segments = await team.SegmentsAsync(paper);
        var ana = await CheckedAsync(team, Ana, paper);
        var bo = await CheckedAsync(team, Bo, paper);
        Task<Result<ClaimedBatch>> ChooseAsync(DocumentLanguage target, Guid volunteer, Guid[]? ids, int? paragraph = null) =>
            team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimChosenAsync(volunteer, target, null, ids, paragraph, CancellationToken.None));

        var first = (await ChooseAsync(bo, Bo, [segments[3], segments[1], segments[1]])).Value!;
        var overlapping = await ChooseAsync(ana, Ana, [segments[0], segments[1]]);
        var unknown = Guid.NewGuid();
        var missing = await ChooseAsync(ana, Ana, [segments[0], unknown]);
        var nothing = await ChooseAsync(ana, Ana, null);
        var third = (await database.QueryAsync<int>($"SELECT paragraph FROM translate.segments WHERE id = '{segments[2]}'")).Single();
        var paragraph = (await ChooseAsync(ana, Ana, null, paragraph: third)).Value!;
        var noParagraph = await ChooseAsync(ana, Ana, null, paragraph: 99);

        Assert.Equal([segments[1], segments[3]], first.SegmentIds);
        Assert.Equal((10, _clock.GetUtcNow() + TestWork.Rules.LeaseLength), (first.Words, first.ExpiresAt));
        Assert.Equal([10], await database.QueryAsync<int>($"SELECT words FROM translate.claims WHERE id = '{first.ClaimId}'"));
        Assert.IsType<ChosenSegmentsNotOpen>(overlapping.Error);
        Assert.Equal(new ChosenSegmentsNotFound(paper, $"segment(s) {unknown}"), missing.Error);
        Assert.IsType<ChosenSegmentsNotFound>(nothing.Error);
        Assert.Equal([segments[2]], paragraph.SegmentIds);
        Assert.Equal(new ChosenSegmentsNotFound(paper, "paragraph 99"), noParagraph.Error);
        Assert.Equal(TargetState.Untranslated, (await team.TargetAsync(segments[0])).State);

        await team.ProfileAsync(Ana, p => p.Update([], 10, "UTC", [], _clock.GetUtcNow()));
        var profile = await team.InScopeAsync(s => VolunteerProfiles.StoredAsync(s.GetRequiredService<TranslationDb>(), Ana, CancellationToken.None));
        var capped = await team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimChosenAsync(Ana, ana, profile, [segments[4], segments[5]], null, CancellationToken.None));
        Assert.Equal(new OpenWordsCapReached(5, 10, 10), capped.Error);
        var fits = await team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimChosenAsync(Ana, ana, profile, [segments[4]], null, CancellationToken.None));
        Assert.Equal(5, fits.Value!.Words);
    }

    [Fact]
    public async Task The_cap_counts_every_word_held_in_live_claims()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 6);
        var segments = await team.SegmentsAsync(paper);
        Assert.Equal(10, (await ClaimAsync(team, Ana, paper, words: 10)).Value!.Words);
        await team.ProfileAsync(Ana, p => p.Update([], 15, "UTC", [], _clock.GetUtcNow()));
        var profile = await team.InScopeAsync(s => VolunteerProfiles.StoredAsync(s.GetRequiredService<TranslationDb>(), Ana, CancellationToken.None));
        var ana = await CheckedAsync(team, Ana, paper);

        var refused = await team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimChosenAsync(Ana, ana, profile, [segments[4], segments[5]], null, CancellationToken.None));

        Assert.Equal(new OpenWordsCapReached(10, 15, 10), refused.Error);
        Assert.Equal(10, await team.InScopeAsync(s => OpenWords.HeldAsync(s.GetRequiredService<TranslationDb>(), Ana, _clock.GetUtcNow(), CancellationToken.None)));
    }

    [Fact]
    public async Task Claim_next_fills_a_batch_up_to_the_cap_then_refuses_naming_the_words_held()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 8);
        Assert.Equal(10, (await ClaimAsync(team, Ana, paper, words: 10)).Value!.Words);
        await team.ProfileAsync(Ana, p => p.Update([], 15, "UTC", [], _clock.GetUtcNow()));

        var upToTheCap = (await ClaimAsync(team, Ana, paper)).Value!;
        var refused = await ClaimAsync(team, Ana, paper);

        Assert.Equal(5, upToTheCap.Words);
        Assert.Equal(new OpenWordsCapReached(15, 15), refused.Error);
    }

    [Fact]
    public async Task Handing_in_a_segment_frees_its_words_and_the_cap_counts_every_live_claim()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        var first = (await ClaimAsync(team, Ana, paper, words: 10)).Value!;
        Assert.Equal(5, (await ClaimAsync(team, Ana, paper, words: 5)).Value!.Words);

        await team.SubmitAsync(Ana, first.SegmentIds[0]);

        Assert.Equal(10, await team.InScopeAsync(s => OpenWords.HeldAsync(s.GetRequiredService<TranslationDb>(), Ana, _clock.GetUtcNow(), CancellationToken.None)));
    }

    [Fact]
    public async Task The_first_open_segment_is_taken_even_when_it_is_longer_than_the_budget()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        var segments = await team.SegmentsAsync(paper);

        var translation = (await ClaimAsync(team, Bo, paper, words: 3)).Value!;
        await team.SubmitAsync(Bo, segments[0]);
        var review = (await team.UseAsync<ReviewNext, Result<ClaimedBatch>>(r => r.ClaimAsync(Ana, paper, "fr", 3, CancellationToken.None))).Value!;

        Assert.Equal([segments[0]], translation.SegmentIds);
        Assert.Equal([segments[0]], review.SegmentIds);
        Assert.Equal((5, 5), (translation.Words, review.Words));
        Assert.Equal(["Claimed", "ReviewClaimed"], await database.QueryAsync<string>(
            $"SELECT e.kind FROM translate.target_events e JOIN translate.targets t ON t.id = e.target_id WHERE t.segment_id = '{segments[0]}' AND e.kind LIKE '%Claimed' ORDER BY e.sequence"));
    }

    // Rows a round locks (FOR UPDATE SKIP LOCKED) are skipped by concurrent claimers, so a batch locks what it takes and one row more
    // at most per round: a first chunk of a tenth of the budget, a second sized to what is left, no round once the budget is met.
    [Theory]
    [InlineData(20, 20, 4)]
    [InlineData(252, 250, 52)]
    [InlineData(5000, 300, 60)]
    public async Task Filling_a_batch_locks_the_rows_it_takes_and_at_most_one_more_a_round(int budget, int words, int locked)
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 60);
        var now = _clock.GetUtcNow();

        var fill = await team.UseAsync<BatchFilling, BatchFill>(b => b.FillAsync(
            new BatchFilling.Request(ClaimKind.Translation, Ana, paper, "fr", budget, 5000, now, now.AddDays(2)), CancellationToken.None));

        Assert.Equal((words, words / 5, 0, locked), (fill.Batch!.Words, fill.Batch.SegmentIds.Count, fill.Held, fill.Locked));
    }

    [Fact]
    public async Task Open_work_follows_each_right_translating_for_translators_and_reviewing_for_reviewers()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 2);
        await team.SubmitAsync(Ana, (await ClaimAsync(team, Ana, paper, words: 5)).Value!.SegmentIds[0]);

        var boTranslates = await team.UseAsync<ClaimNext, IReadOnlyList<OpenWork>>(c => c.OpenWorkAsync(Bo, CancellationToken.None));
        var boReviews = await team.UseAsync<ReviewNext, IReadOnlyList<OpenWork>>(r => r.ReviewableAsync(Bo, CancellationToken.None));

        // Bo may translate, not review: Ana's translation waiting for review is not his to take.
        Assert.Equal([new OpenWork(team.ProjectId, paper, "paper.md", "fr", 1, 5)], boTranslates);
        Assert.Empty(boReviews);
    }

    [Fact]
    public async Task A_volunteers_own_lapsed_segments_come_back_first_as_far_as_their_batch_and_cap_allow()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 12);
        var first = (await ClaimAsync(team, Ana, paper, words: 40)).Value!;
        var others = (await ClaimAsync(team, Bo, paper, words: 10)).Value!;
        var ana = await CheckedAsync(team, Ana, paper);
        Task<IReadOnlyList<Guid>> LapsedAsync(Guid volunteer) =>
            team.UseAsync<ClaimNext, IReadOnlyList<Guid>>(c => c.LapsedAsync(volunteer, ana, CancellationToken.None));

        Assert.Empty(await LapsedAsync(Ana));
        _clock.Advance(TestWork.Rules.LeaseLength - TimeSpan.FromSeconds(1));
        Assert.Empty(await LapsedAsync(Ana));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(first.SegmentIds, await LapsedAsync(Ana));

        // A batch of 25 words (capacity 60 a week: the least batch) takes five of the eight back, the claims that ran out holding
        // nothing any more; a cap of 12 open words while holding 10, only the first.
        await team.ProfileAsync(Ana, p => p.Update([], 60, "UTC", [], _clock.GetUtcNow()));
        Assert.Equal(first.SegmentIds.Take(5), await LapsedAsync(Ana));
        var held = (await ClaimAsync(team, Ana, paper, words: 10)).Value!;
        Assert.Equal(10, held.Words);
        await team.ProfileAsync(Ana, p => p.Update([], 12, "UTC", [], _clock.GetUtcNow()));
        Assert.Equal(first.SegmentIds.Take(1), await LapsedAsync(Ana));
        Assert.Equal(others.SegmentIds, await LapsedAsync(Bo));
    }

    [Fact]
    public async Task Open_work_lists_per_document_what_a_volunteer_could_take_now()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var alpha = await team.AddPaperAsync("alpha.md", 3);
        var beta = await team.AddPaperAsync("beta.md", 2);
        var bo = (await ClaimAsync(team, Bo, alpha, words: 10)).Value!;
        await team.SubmitAsync(Bo, bo.SegmentIds[0]);

        var open = await team.UseAsync<ClaimNext, IReadOnlyList<OpenWork>>(c => c.OpenWorkAsync(Ana, CancellationToken.None));
        var reviewable = await team.UseAsync<ReviewNext, IReadOnlyList<OpenWork>>(r => r.ReviewableAsync(Ana, CancellationToken.None));
        var notBosOwn = await team.UseAsync<ReviewNext, IReadOnlyList<OpenWork>>(r => r.ReviewableAsync(Bo, CancellationToken.None));
        var nothingToReview = await team.UseAsync<ReviewNext, Result<ClaimedBatch>>(r => r.ClaimAsync(Ana, beta, "fr", null, CancellationToken.None));

        Assert.Equal([new OpenWork(team.ProjectId, alpha, "alpha.md", "fr", 1, 5), new OpenWork(team.ProjectId, beta, "beta.md", "fr", 2, 10)], open);
        Assert.Equal([new OpenWork(team.ProjectId, alpha, "alpha.md", "fr", 1, 5)], reviewable);
        Assert.Empty(notBosOwn);
        Assert.Equal(new NothingToReview(beta, "fr"), nothingToReview.Error);
        Assert.Equal("Nothing to review", nothingToReview.Error!.Title);
        Assert.Equal($"No submitted translation of document '{beta}' in 'fr' is waiting for you: the rest is reviewed, in other reviewers' batches, or your own.",
            nothingToReview.Error!.Detail);
    }
}
