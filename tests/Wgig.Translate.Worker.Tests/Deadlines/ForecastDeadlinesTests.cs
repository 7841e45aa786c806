using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Deadlines;

namespace Wgig.Translate.Worker.Tests.Deadlines;

public sealed class ForecastDeadlinesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Cora = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Otto = Guid.Parse("00000000-0000-0000-0000-0000000000c9"); // coordinator of another project
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Coordinators_hear_once_when_a_deadline_comes_at_risk_and_again_when_it_is_back_on_track()
    {
        await database.ResetAsync();
        await database.InsertAccountAsync(Cora, "Cora", "coordinator");
        await database.InsertAccountAsync(Otto, "Otto", "coordinator");
        await database.InsertAccountAsync(Ana, "Ana");
        await using var services = WorkerServices.Build(database, _clock);
        Guid documentId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
            var project = Project.Create("Deadline", "en", ["fr"], _clock.GetUtcNow()).Value!;
            var other = Project.Create("Another team's", "en", ["fr"], _clock.GetUtcNow()).Value!;
            db.Projects.AddRange(project, other);
            db.ProjectStaff.AddRange(ProjectStaff.Add(project.Id, Cora, Cora, _clock.GetUtcNow()), ProjectStaff.Add(other.Id, Otto, Otto, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
            var markdown = string.Join("\n\n", Enumerable.Range(1, 10).Select(i => $"Paragraph {i} says one thing."));
            documentId = (await scope.ServiceProvider.GetRequiredService<DocumentImport>()
                .ImportNewAsync(project.Id, new DocumentUpload("paper.md", null, Encoding.UTF8.GetBytes(markdown)), CancellationToken.None)).Value!.Id;
            db.Deadlines.Add(Deadline.Set(documentId, "fr", _clock.GetUtcNow().AddDays(2), Cora, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        async Task<int> ForecastAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ForecastDeadlines>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(1, await ForecastAsync()); // nothing done and two days left
        Assert.Equal(0, await ForecastAsync());

        // Nine of ten sentences handed in: 5 words left at 45 words a fortnight is a day and a half.
        await using (var scope = services.CreateAsyncScope())
        {
            var claimed = (await scope.ServiceProvider.GetRequiredService<ClaimNext>().ClaimAsync(Ana, documentId, "fr", 45, CancellationToken.None)).Value!;
            var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
            foreach (var target in await db.Targets.Where(t => claimed.SegmentIds.Contains(t.SegmentId)).ToListAsync())
            {
                var source = (await db.Segments.SingleAsync(s => s.Id == target.SegmentId)).Content;
                Assert.Null(target.Submit(Ana, SegmentContent.FromText("Le paragraphe dit une chose."), source, _clock.GetUtcNow(), TestWork.Rules));
            }
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await ForecastAsync());

        var told = await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{Cora}' ORDER BY created_at, text");
        Assert.Equal(2, told.Count);
        Assert.StartsWith("paper.md (fr) is at risk of missing its deadline 2026-12-03 09:00 UTC: nothing was handed in lately, 50 words left.", told[0], StringComparison.Ordinal);
        Assert.Equal("paper.md (fr) is on track for its deadline 2026-12-03 09:00 UTC.", told[1]);
        Assert.Empty(await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{Otto}'"));
    }

    [Fact]
    public async Task Volunteers_holding_work_hear_the_deadline_is_near_and_everyone_hears_once_when_it_is_missed()
    {
        await database.ResetAsync();
        await database.InsertAccountAsync(Cora, "Cora", "coordinator");
        await database.InsertAccountAsync(Otto, "Otto", "coordinator");
        await database.InsertAccountAsync(Ana, "Ana");
        await database.ExecuteAsync($"""
            INSERT INTO translate.volunteer_profiles (account_id, languages, capacity_words_per_week, time_zone, availability, paused, updated_at, mail, show_email_in_credits)
            VALUES ('{Ana}', '[]', 0, 'America/New_York', '[]', false, now(), 'Immediately', false);
            """);
        await using var services = WorkerServices.Build(database, _clock);
        Guid documentId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
            var project = Project.Create("Ladder", "en", ["fr"], _clock.GetUtcNow()).Value!;
            var other = Project.Create("Another team's", "en", ["fr"], _clock.GetUtcNow()).Value!;
            db.Projects.AddRange(project, other);
            db.ProjectStaff.AddRange(ProjectStaff.Add(project.Id, Cora, Cora, _clock.GetUtcNow()), ProjectStaff.Add(other.Id, Otto, Otto, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
            documentId = (await scope.ServiceProvider.GetRequiredService<DocumentImport>()
                .ImportNewAsync(project.Id, new DocumentUpload("paper.md", null, "One thing.\n\nAnother thing.\n"u8.ToArray()), CancellationToken.None)).Value!.Id;
            db.Deadlines.Add(Deadline.Set(documentId, "fr", _clock.GetUtcNow().AddDays(3), Cora, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        async Task ForecastAsync()
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ForecastDeadlines>().RunAsync(CancellationToken.None);
        }
        async Task<IReadOnlyList<string>> ToldAsync(Guid account) =>
            await database.QueryAsync<string>($"SELECT kind || ': ' || text FROM translate.notifications WHERE account_id = '{account}' AND kind LIKE 'Deadline%' AND kind <> 'DeadlineForecastChanged' ORDER BY created_at");

        _clock.Advance(TimeSpan.FromHours(12));
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ClaimNext>().ClaimAsync(Ana, documentId, "fr", 1, CancellationToken.None)).Succeeded);
        }
        await ForecastAsync();
        Assert.Empty(await ToldAsync(Ana)); // due in 60 h

        _clock.Advance(TimeSpan.FromHours(18)); // due in 42 h
        await ForecastAsync();
        await ForecastAsync();
        Assert.Equal(["DeadlineNear: paper.md (fr) is due 2026-12-04 04:00 America/New_York; you hold 1 segment(s) of it."], await ToldAsync(Ana));

        _clock.Advance(TimeSpan.FromHours(43)); // an hour past the deadline, the work unfinished
        await ForecastAsync();
        await ForecastAsync();
        Assert.Equal(["DeadlineMissed: paper.md (fr) missed its deadline 2026-12-04 09:00 UTC with work unfinished."], await ToldAsync(Cora));
        Assert.Empty(await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{Otto}'"));
    }
}
