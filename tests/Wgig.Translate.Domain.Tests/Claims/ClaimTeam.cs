using System.Text;
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
/// A team on a test database for the claim rules: a project translated into French, Ana who may translate and review, Bo who may
/// translate, and papers of paragraphs of five words each (<see cref="AddPaperAsync"/>).
/// </summary>
internal sealed class ClaimTeam : IAsyncDisposable
{
    public static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-0000000000b1");

    private readonly TestDatabase _database;
    private readonly FakeTimeProvider _clock;

    private ClaimTeam(TestDatabase database, FakeTimeProvider clock, ServiceProvider services, Guid projectId)
    {
        (_database, _clock, Services, ProjectId) = (database, clock, services, projectId);
    }

    public ServiceProvider Services { get; }

    public Guid ProjectId { get; }

    public static async Task<ClaimTeam> StartAsync(TestDatabase database, FakeTimeProvider clock)
    {
        await database.ResetAsync();
        var services = DomainServices.Build(database, clock);
        await database.InsertAccountAsync(Ana, "Ana");
        await database.InsertAccountAsync(Bo, "Bo");
        var project = Project.Create($"Claims {Guid.NewGuid():N}", "en", ["fr"], clock.GetUtcNow()).Value!;
        await services.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            db.Projects.Add(project);
            var ana = ProjectMember.Grant(project.Id, Ana, "fr", Bo, clock.GetUtcNow());
            ana.SetRights(true, true, Bo, clock.GetUtcNow());
            var bo = ProjectMember.Grant(project.Id, Bo, "fr", Ana, clock.GetUtcNow());
            bo.SetRights(true, false, Ana, clock.GetUtcNow());
            db.ProjectMembers.AddRange(ana, bo);
            return await db.SaveChangesAsync();
        });
        return new ClaimTeam(database, clock, services, project.Id);
    }

    /// <summary>A paper of <paramref name="paragraphs"/> paragraphs of five words ("Paragraph 1 word word word.").</summary>
    public async Task<Guid> AddPaperAsync(string path, int paragraphs)
    {
        var markdown = string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} word word word."));
        var document = await Services.InScopeAsync(s => s.GetRequiredService<DocumentImport>()
            .ImportNewAsync(ProjectId, new DocumentUpload(path, null, Encoding.UTF8.GetBytes(markdown)), CancellationToken.None));
        return document.Value!.Id;
    }

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> run) => Services.InScopeAsync(run);

    public Task<T> UseAsync<TService, T>(Func<TService, Task<T>> run) where TService : notnull =>
        Services.InScopeAsync(s => run(s.GetRequiredService<TService>()));

    /// <summary>The document's current segments in document order.</summary>
    public async Task<List<Guid>> SegmentsAsync(Guid documentId)
    {
        await using var db = _database.OpenStore();
        return await db.Segments.Where(s => s.DocumentId == documentId && s.RetiredInVersion == null).OrderBy(s => s.Ordinal).Select(s => s.Id).ToListAsync();
    }

    public async Task<Target> TargetAsync(Guid segmentId)
    {
        await using var db = _database.OpenStore();
        return await db.Targets.AsNoTracking().SingleAsync(t => t.SegmentId == segmentId && t.Language == "fr");
    }

    /// <summary>Hands a claimed segment in, as its holder would.</summary>
    public Task SubmitAsync(Guid volunteer, Guid segmentId) => Services.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<TranslationDb>();
        var target = await db.Targets.SingleAsync(t => t.SegmentId == segmentId && t.Language == "fr");
        var source = (await db.Segments.SingleAsync(x => x.Id == segmentId)).Content;
        Assert.Null(target.Submit(volunteer, SegmentContent.FromText("Le paragraphe."), source, _clock.GetUtcNow(), TestWork.Rules));
        return await db.SaveChangesAsync();
    });

    /// <summary>Bo translates the paper's first <paramref name="words"/> words and hands them in; Ana takes a review batch of <paramref name="reviewWords"/>.</summary>
    public async Task<(ClaimedBatch Translated, ClaimedBatch Review)> HandedInAndInReviewAsync(Guid documentId, int words, int reviewWords)
    {
        var translated = (await UseAsync<ClaimNext, Result<ClaimedBatch>>(c => c.ClaimAsync(Bo, documentId, "fr", words, CancellationToken.None))).Value!;
        foreach (var segment in translated.SegmentIds)
        {
            await SubmitAsync(Bo, segment);
        }
        var review = await UseAsync<ReviewNext, Result<ClaimedBatch>>(r => r.ClaimAsync(Ana, documentId, "fr", reviewWords, CancellationToken.None));
        return (translated, review.Value!);
    }

    /// <summary>Runs a change on the volunteer's stored profile (made when missing).</summary>
    public Task ProfileAsync(Guid volunteer, Func<Wgig.Translate.Domain.Profiles.VolunteerProfile, DomainError?> change) => Services.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<TranslationDb>();
        var profile = await db.VolunteerProfiles.SingleOrDefaultAsync(p => p.AccountId == volunteer);
        if (profile is null)
        {
            profile = Wgig.Translate.Domain.Profiles.VolunteerProfile.Empty(volunteer, _clock.GetUtcNow());
            db.VolunteerProfiles.Add(profile);
        }
        Assert.Null(change(profile));
        return await db.SaveChangesAsync();
    });

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
