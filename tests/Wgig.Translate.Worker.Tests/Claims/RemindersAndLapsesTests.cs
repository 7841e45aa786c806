using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Claims;

namespace Wgig.Translate.Worker.Tests.Claims;

/// <summary>The ladder on a lease, driven by a fake clock: the reminder before it ends, the reclaim after, the pause after repeated lapses.</summary>
public sealed class RemindersAndLapsesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Cora = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Otto = Guid.Parse("00000000-0000-0000-0000-0000000000c9"); // coordinator of another project
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private async Task<Guid> SetUpAsync(ServiceProvider services, int paragraphs = 10)
    {
        await database.ResetAsync();
        await database.InsertAccountAsync(Cora, "Cora", "coordinator");
        await database.InsertAccountAsync(Otto, "Otto", "coordinator");
        await database.InsertAccountAsync(Ana, "Ana");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
        var project = Project.Create("Ladder", "en", ["fr"], _clock.GetUtcNow()).Value!;
        var other = Project.Create("Another team's", "en", ["fr"], _clock.GetUtcNow()).Value!;
        db.Projects.AddRange(project, other);
        db.ProjectStaff.AddRange(ProjectStaff.Add(project.Id, Cora, Cora, _clock.GetUtcNow()), ProjectStaff.Add(other.Id, Otto, Otto, _clock.GetUtcNow()));
        var profile = VolunteerProfile.Empty(Ana, _clock.GetUtcNow());
        Assert.Null(profile.Update([], 0, "Asia/Tokyo", [], _clock.GetUtcNow()));
        db.VolunteerProfiles.Add(profile);
        await db.SaveChangesAsync();
        var markdown = string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} says one thing."));
        return (await scope.ServiceProvider.GetRequiredService<DocumentImport>()
            .ImportNewAsync(project.Id, new DocumentUpload("paper.md", null, Encoding.UTF8.GetBytes(markdown)), CancellationToken.None)).Value!.Id;
    }

    private static Task<T> RunAsync<T>(ServiceProvider services, Func<IServiceProvider, Task<T>> run) => services.InScopeAsync(run);

    private static Task<Domain.Common.Result<ClaimedBatch>> ClaimAsync(ServiceProvider services, Guid documentId) =>
        RunAsync(services, s => s.GetRequiredService<ClaimNext>().ClaimAsync(Ana, documentId, "fr", 5, CancellationToken.None));

    [Fact]
    public async Task A_volunteer_is_reminded_once_a_day_before_the_lease_ends_in_their_own_time_zone()
    {
        await using var services = WorkerServices.Build(database, _clock);
        var documentId = await SetUpAsync(services);
        Assert.True((await ClaimAsync(services, documentId)).Succeeded); // ends 2026-11-30 09:00 UTC = 18:00 in Tokyo

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await RunAsync(services, s => s.GetRequiredService<RemindClaimsEndingSoon>().RunAsync(CancellationToken.None)));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await RunAsync(services, s => s.GetRequiredService<RemindClaimsEndingSoon>().RunAsync(CancellationToken.None)));
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await RunAsync(services, s => s.GetRequiredService<RemindClaimsEndingSoon>().RunAsync(CancellationToken.None)));

        var text = Assert.Single(await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{Ana}'"));
        Assert.Equal("Your claim on paper.md (fr) ends 2026-11-30 18:00 Asia/Tokyo with 1 segment(s) still to translate. Hand them in, renew the claim, or release it.", text);
    }

    [Fact]
    public async Task Three_lapsed_claims_pause_the_volunteer_and_tell_them_and_the_project_s_coordinators_once()
    {
        await using var services = WorkerServices.Build(database, _clock);
        var documentId = await SetUpAsync(services);
        for (var lapse = 1; lapse <= 3; lapse++)
        {
            Assert.True((await ClaimAsync(services, documentId)).Succeeded);
            _clock.Advance(TimeSpan.FromHours(49));
            await RunAsync(services, s => s.GetRequiredService<ReclaimExpiredClaims>().RunAsync(CancellationToken.None));
        }
        await RunAsync(services, s => s.GetRequiredService<ReclaimExpiredClaims>().RunAsync(CancellationToken.None));

        Assert.IsType<VolunteerPaused>((await ClaimAsync(services, documentId)).Error);
        Assert.Equal(["ClaimLapsed", "ClaimLapsed", "ClaimLapsed", "YouWerePaused"],
            await database.QueryAsync<string>($"SELECT kind FROM translate.notifications WHERE account_id = '{Ana}' ORDER BY created_at, kind"));
        Assert.Equal(["Ana was paused: 3 or more claims lapsed within 30 days."],
            await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{Cora}' AND kind = 'VolunteerPaused'"));
        Assert.Equal(3, (await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{Cora}' AND kind = 'VolunteerClaimLapsed'")).Count);
        Assert.Empty(await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{Otto}'"));

        // Resumed by a coordinator: the old lapses no longer count.
        await RunAsync(services, async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            (await db.VolunteerProfiles.SingleAsync(p => p.AccountId == Ana)).Resume(_clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        await RunAsync(services, s => s.GetRequiredService<ReclaimExpiredClaims>().RunAsync(CancellationToken.None));
        Assert.True((await ClaimAsync(services, documentId)).Succeeded);
    }
}
