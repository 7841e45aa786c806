using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Targets;

/// <summary>
/// Drafts set aside when claims end are kept as suggestions, but only the newest <see cref="Target.SuggestionsKept"/> of a
/// segment: whether the claim was released (through the store) or ran out (the sweep's statement), the oldest kept
/// draft loses its text and its event says why.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class SuggestionsKeptTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private async Task<Guid> TargetAsync(ServiceProvider services)
    {
        await database.ResetAsync();
        var project = Project.Create("Suggestions", "en", ["fr"], _clock.GetUtcNow()).Value!;
        await services.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            db.Projects.Add(project);
            return await db.SaveChangesAsync();
        });
        var document = (await services.InScopeAsync(s => s.GetRequiredService<DocumentImport>()
            .ImportNewAsync(project.Id, new DocumentUpload("a.md", null, "The group met twice.\n"u8.ToArray()), CancellationToken.None))).Value!;
        return (await database.QueryAsync<Guid>($"SELECT id FROM translate.targets WHERE segment_id = '{document.Segments.Single().Id}'")).Single();
    }

    // A volunteer claims the target, drafts "Brouillon {n}" and gives it back.
    private Task<int> DraftAndReleaseAsync(ServiceProvider services, Guid targetId, int n) => services.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<TranslationDb>();
        var target = await db.Targets.SingleAsync(t => t.Id == targetId);
        var volunteer = Guid.NewGuid();
        Assert.Null(target.Claim(TestWork.Open(db, volunteer, target, _clock.GetUtcNow()), _clock.GetUtcNow()));
        Assert.Null(target.SaveDraft(volunteer, SegmentContent.FromText($"Brouillon {n}"), _clock.GetUtcNow(), TestWork.Rules));
        Assert.Null(target.Release(volunteer, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        return await db.SaveChangesAsync();
    });

    private Task<IReadOnlyList<string>> SetAsideAsync(Guid targetId) => database.QueryAsync<string>($"""
        SELECT coalesce(text, '-') || ' | ' || coalesce(comment, '') FROM translate.target_events
        WHERE target_id = '{targetId}' AND kind = 'DraftSetAside' ORDER BY sequence
        """);

    private static string Kept(int n) => $"Brouillon {n} | ";

    [Fact]
    public async Task Releasing_with_a_draft_more_often_than_the_cap_keeps_the_newest_drafts_and_drops_the_oldest()
    {
        await using var services = DomainServices.Build(database, _clock);
        var targetId = await TargetAsync(services);

        for (var n = 1; n <= Target.SuggestionsKept + 2; n++)
        {
            await DraftAndReleaseAsync(services, targetId, n);
        }

        var dropped = $"- | {TargetSql.DraftDropped}";
        Assert.Equal([dropped, dropped, .. Enumerable.Range(3, Target.SuggestionsKept).Select(Kept)], await SetAsideAsync(targetId));
    }

    [Fact]
    public async Task A_draft_the_sweep_sets_aside_counts_against_the_cap_too()
    {
        await using var services = DomainServices.Build(database, _clock);
        var targetId = await TargetAsync(services);
        for (var n = 1; n <= Target.SuggestionsKept; n++)
        {
            await DraftAndReleaseAsync(services, targetId, n);
        }
        await services.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            var target = await db.Targets.SingleAsync(t => t.Id == targetId);
            var volunteer = Guid.NewGuid();
            Assert.Null(target.Claim(TestWork.Open(db, volunteer, target, _clock.GetUtcNow()), _clock.GetUtcNow()));
            Assert.Null(target.SaveDraft(volunteer, SegmentContent.FromText("Brouillon du retardataire"), _clock.GetUtcNow(), TestWork.Rules));
            return await db.SaveChangesAsync();
        });
        _clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(1, await services.InScopeAsync(s => TestWork.ExpireLapsedAsync(s.GetRequiredService<TranslationDb>(), _clock.GetUtcNow())));

        Assert.Equal([$"- | {TargetSql.DraftDropped}", .. Enumerable.Range(2, Target.SuggestionsKept - 1).Select(Kept), "Brouillon du retardataire | "],
            await SetAsideAsync(targetId));
    }
}
