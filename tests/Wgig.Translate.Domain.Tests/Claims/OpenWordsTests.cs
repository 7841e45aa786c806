using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Claims;

/// <summary>
/// The words a claim holds (<see cref="OpenWords.TriggerSql"/>) when targets are deleted: removing a target language deletes the
/// targets nobody touched and is refused where a volunteer holds segments, and a held target deleted by any statement frees its
/// words in its own claim. And what counts as held: live claims only, so a lease that ran out holds nothing before the sweep, read
/// for the volunteers asked about.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class OpenWordsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = ClaimTeam.Ana;
    private static readonly Guid Bo = ClaimTeam.Bo;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    private static async Task<ClaimedBatch> ClaimAsync(ClaimTeam team, Guid volunteer, Guid documentId, int words) =>
        (await team.UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimAsync(volunteer, documentId, "fr", words, CancellationToken.None))).Value!;

    private Task<int> HeldAsync(ClaimTeam team, Guid volunteer) =>
        team.InScopeAsync(s => OpenWords.HeldAsync(s.GetRequiredService<TranslationDb>(), volunteer, _clock.GetUtcNow(), CancellationToken.None));

    private Task<IReadOnlyList<int>> ClaimsOpenWordsAsync(params ClaimedBatch[] batches) => database.QueryAsync<int>(
        $"SELECT open_words FROM translate.claims WHERE id IN ({string.Join(", ", batches.Select(b => $"'{b.ClaimId}'"))}) ORDER BY array_position(ARRAY[{string.Join(", ", batches.Select(b => $"'{b.ClaimId}'::uuid"))}], id)");

    private async Task<(long French, long Spanish)> TargetsAsync()
    {
        var counts = await database.QueryAsync<long[]>(
            "SELECT ARRAY[count(*) FILTER (WHERE language = 'fr'), count(*) FILTER (WHERE language = 'es')] FROM translate.targets");
        return (counts.Single()[0], counts.Single()[1]);
    }

    private async Task<ClaimTeam> TeamInFrenchAndSpanishAsync()
    {
        var team = await ClaimTeam.StartAsync(database, _clock);
        var added = await team.InScopeAsync(s => ProjectLanguages.AddAsync(s.GetRequiredService<TranslationDb>(), team.ProjectId, "es", _clock.GetUtcNow(), CancellationToken.None));
        Assert.True(added.Succeeded);
        return team;
    }

    private static Task<Result<Project>> RemoveLanguageAsync(ClaimTeam team, string language) =>
        team.InScopeAsync(s => ProjectLanguages.RemoveAsync(s.GetRequiredService<TranslationDb>(), team.ProjectId, language, CancellationToken.None));

    [Fact]
    public async Task Removing_a_language_nobody_worked_in_deletes_its_targets_and_leaves_every_claims_words_as_they_were()
    {
        await using var team = await TeamInFrenchAndSpanishAsync();
        var paper = await team.AddPaperAsync("paper.md", 4);
        var ana = await ClaimAsync(team, Ana, paper, 10);
        var bo = await ClaimAsync(team, Bo, paper, 5);

        var removed = await RemoveLanguageAsync(team, "es");

        Assert.True(removed.Succeeded);
        Assert.Equal((4L, 0L), await TargetsAsync());
        Assert.Equal([10, 5], await ClaimsOpenWordsAsync(ana, bo));
        Assert.Equal((10, 5), (await HeldAsync(team, Ana), await HeldAsync(team, Bo)));
    }

    [Fact]
    public async Task Removing_a_language_in_which_a_volunteer_holds_segments_is_refused_and_their_words_stay_held()
    {
        await using var team = await TeamInFrenchAndSpanishAsync();
        var paper = await team.AddPaperAsync("paper.md", 4);
        var ana = await ClaimAsync(team, Ana, paper, 10);

        var removed = await RemoveLanguageAsync(team, "fr");

        // The two held segments are the work that refuses the removal; the two nobody touched stay too, as the change is undone whole.
        Assert.Equal(new LanguageHasWork("fr", 2, 0), removed.Error);
        Assert.Equal((4L, 4L), await TargetsAsync());
        Assert.Equal([10], await ClaimsOpenWordsAsync(ana));
        Assert.Equal(10, await HeldAsync(team, Ana));
    }

    // The product deletes targets only in SQL, and only untouched ones (removing a language, above), so no path of it deletes a held
    // target today; the trigger keeps the claims' words for every statement that deletes targets, which this one does by hand.
    [Fact]
    public async Task Held_targets_deleted_in_one_statement_free_their_words_in_their_own_claims_alone()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 6);
        var segments = await team.SegmentsAsync(paper);
        var anaFirst = await ClaimAsync(team, Ana, paper, 10);
        var anaSecond = await ClaimAsync(team, Ana, paper, 5);
        var bo = await ClaimAsync(team, Bo, paper, 10);
        Assert.Equal([segments[0], segments[1], segments[2], segments[3], segments[4]], [.. anaFirst.SegmentIds, .. anaSecond.SegmentIds, .. bo.SegmentIds]);
        var gone = $"SELECT id FROM translate.targets WHERE language = 'fr' AND segment_id IN ('{segments[0]}', '{segments[2]}', '{segments[5]}')";

        await database.ExecuteAsync($"""
            DELETE FROM translate.target_events WHERE target_id IN ({gone});
            DELETE FROM translate.targets WHERE id IN ({gone});
            """);

        Assert.Equal([5, 0, 10], await ClaimsOpenWordsAsync(anaFirst, anaSecond, bo));
        Assert.Equal((5, 10), (await HeldAsync(team, Ana), await HeldAsync(team, Bo)));
    }

    [Fact]
    public async Task A_lease_that_ran_out_holds_no_words_even_before_the_sweep_takes_its_segments_back()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        var ana = await ClaimAsync(team, Ana, paper, 10);
        _clock.Advance(TimeSpan.FromHours(1));
        var bo = await ClaimAsync(team, Bo, paper, 5);

        _clock.SetUtcNow(ana.ExpiresAt);
        var held = await team.InScopeAsync(s => OpenWords.HeldAsync(s.GetRequiredService<TranslationDb>(), [Ana, Bo], _clock.GetUtcNow(), CancellationToken.None));

        // Ana's claim still holds its two segments (no sweep ran), but its lease ended: her words count no more against her cap.
        Assert.Equal([10, 5], await ClaimsOpenWordsAsync(ana, bo));
        Assert.Equal(new Dictionary<Guid, int> { [Bo] = 5 }, held);
    }

    [Fact]
    public async Task Held_words_are_answered_for_the_volunteers_asked_about_alone()
    {
        await using var team = await ClaimTeam.StartAsync(database, _clock);
        var paper = await team.AddPaperAsync("paper.md", 4);
        await ClaimAsync(team, Bo, paper, 5);

        var held = await team.InScopeAsync(s => OpenWords.HeldAsync(s.GetRequiredService<TranslationDb>(), [Ana], _clock.GetUtcNow(), CancellationToken.None));

        // Ana holds nothing; Bo's live claim is not hers, and he was not asked about.
        Assert.Empty(held);
    }
}
