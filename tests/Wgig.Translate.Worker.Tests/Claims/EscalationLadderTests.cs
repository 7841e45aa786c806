using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Claims;

namespace Wgig.Translate.Worker.Tests.Claims;

/// <summary>
/// The whole ladder on one lease, driven by a fake clock and the Worker's own jobs: the reminder in the
/// volunteer's window, the lapse, the overdue notice, the reassignment to a backup, the coordinator's
/// alert; each step once however often the jobs run.
/// </summary>
public sealed class EscalationLadderTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Cy = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
    private static readonly Guid Cora = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    // Saturday 2026-11-28 09:00 UTC.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private async Task<(Guid ProjectId, Guid DocumentId)> SetUpAsync(ServiceProvider services, EscalationLadder ladder, int paragraphs = 6)
    {
        await database.ResetAsync();
        await database.InsertAccountAsync(Cora, "Cora", "coordinator");
        await database.InsertAccountAsync(Ana, "Ana");
        await database.InsertAccountAsync(Bo, "Bo");
        await database.InsertAccountAsync(Cy, "Cy");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
        var now = _clock.GetUtcNow();
        var project = Project.Create("Ladder", "en", ["fr"], now).Value!;
        project.ChangeLadder(ladder);
        db.Projects.Add(project);
        db.ProjectStaff.Add(ProjectStaff.Add(project.Id, Cora, Cora, now));
        foreach (var volunteer in new[] { Ana, Bo, Cy })
        {
            var member = ProjectMember.Grant(project.Id, volunteer, "fr", Cora, now);
            member.SetRights(true, false, Cora, now);
            db.ProjectMembers.Add(member);
        }
        // Ana works Monday evenings in Geneva; Cy is paused, so only Bo can be the backup.
        var ana = VolunteerProfile.Empty(Ana, now);
        Assert.Null(ana.Update([], 0, "Europe/Zurich", [new(DayOfWeek.Monday, new(18, 0), new(22, 0))], now));
        var cy = VolunteerProfile.Empty(Cy, now);
        Assert.Null(cy.Pause("holiday", now));
        db.VolunteerProfiles.AddRange(ana, cy);
        await db.SaveChangesAsync();
        var markdown = string.Join("\n\n", Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i} says one thing."));
        var document = (await scope.ServiceProvider.GetRequiredService<DocumentImport>()
            .ImportNewAsync(project.Id, new DocumentUpload("paper.md", null, Encoding.UTF8.GetBytes(markdown)), CancellationToken.None)).Value!;
        return (project.Id, document.Id);
    }

    private static Task<T> RunAsync<T>(ServiceProvider services, Func<IServiceProvider, Task<T>> run) => services.InScopeAsync(run);

    private static async Task RunLadderAsync(ServiceProvider services)
    {
        await RunAsync(services, s => s.GetRequiredService<RemindClaimsEndingSoon>().RunAsync(CancellationToken.None));
        await RunAsync(services, s => s.GetRequiredService<ReclaimExpiredClaims>().RunAsync(CancellationToken.None));
    }

    private Task<IReadOnlyList<string>> NoticesAsync(Guid account) =>
        database.QueryAsync<string>($"SELECT kind || ': ' || text FROM translate.notifications WHERE account_id = '{account}' ORDER BY created_at, kind");

    [Fact]
    public async Task A_lease_is_reminded_in_the_window_then_reassigned_to_a_backup_with_everyone_told_once()
    {
        await using var services = WorkerServices.Build(database, _clock);
        var (_, documentId) = await SetUpAsync(services, EscalationLadder.Default);
        // Claimed Saturday 09:00 UTC: ends Monday 09:00 UTC. The reminder is due Sunday 09:00; Ana's only window
        // before the end is… none (Monday 18:00 Geneva is after it), so the last one before it: the Monday a week
        // earlier is beyond the lead, hence it goes when due.
        var anas = (await RunAsync(services, s => s.GetRequiredService<ClaimNext>().ClaimAsync(Ana, documentId, "fr", 10, CancellationToken.None))).Value!;

        _clock.Advance(TimeSpan.FromHours(23.5));
        await RunLadderAsync(services);
        Assert.Empty(await NoticesAsync(Ana));
        _clock.Advance(TimeSpan.FromHours(0.5));
        await RunLadderAsync(services);
        await RunLadderAsync(services);
        Assert.Equal(["ClaimEndingSoon: Your claim on paper.md (fr) ends 2026-11-30 10:00 Europe/Zurich with 2 segment(s) still to translate. Hand them in, renew the claim, or release it."],
            await NoticesAsync(Ana));

        _clock.Advance(TimeSpan.FromHours(24)); // the lease ends
        await RunLadderAsync(services);
        await RunLadderAsync(services); // every step once

        Assert.Equal("ClaimLapsed: Your claim ran out with 2 segment(s) of paper.md (fr) unfinished; they went to another volunteer. " +
            "Anything you typed is kept in the segments' history as a suggestion.", (await NoticesAsync(Ana))[1]);
        Assert.Equal(2, (await NoticesAsync(Ana)).Count);
        Assert.Equal(["VolunteerClaimLapsed: Ana let a claim lapse with 2 segment(s) of paper.md (fr) unfinished; reassigned to Bo."], await NoticesAsync(Cora));
        var bos = Assert.Single(await NoticesAsync(Bo));
        Assert.StartsWith("WorkAssigned: You were given 2 segment(s) of paper.md (fr) to translate: the volunteer who had it let their claim run out", bos, StringComparison.Ordinal);
        Assert.Empty(await NoticesAsync(Cy));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranslationDb>();
        var targets = await db.Targets.Include(t => t.History).Where(t => anas.SegmentIds.Contains(t.SegmentId)).ToListAsync();
        Assert.All(targets, t => Assert.Equal((TargetState.Claimed, (Guid?)Bo), (t.State, t.ClaimedBy)));
        Assert.All(targets, t => Assert.Equal([TargetEventKind.Claimed, TargetEventKind.Expired, TargetEventKind.Claimed],
            t.History.OrderBy(e => e.Sequence).Select(e => e.Kind)));
        Assert.All(targets, t => Assert.Equal("reassigned after a lapsed claim", t.History.Single(e => e.Sequence == 3).Comment));
        var claim = await db.Claims.SingleAsync(c => c.VolunteerId == Bo);
        Assert.Equal((10, _clock.GetUtcNow() + TimeSpan.FromHours(48)), (claim.Words, claim.ExpiresAt));
        Assert.NotNull((await db.Claims.SingleAsync(c => c.Id == anas.ClaimId)).LapsedAt);
    }

    [Fact]
    public async Task A_reminder_waits_for_the_volunteers_window_when_one_comes_before_the_end()
    {
        await using var services = WorkerServices.Build(database, _clock);
        var (_, documentId) = await SetUpAsync(services, EscalationLadder.Default with { RemindBeforeClaimEnds = TimeSpan.FromDays(2) });
        _clock.Advance(TimeSpan.FromHours(48)); // Monday 09:00 UTC
        await RunAsync(services, s => s.GetRequiredService<ClaimNext>().ClaimAsync(Ana, documentId, "fr", 10, CancellationToken.None)); // ends Wednesday 09:00 UTC

        await RunLadderAsync(services); // due now, but Ana's window opens at 18:00 Geneva, 17:00 UTC
        Assert.Empty(await NoticesAsync(Ana));
        _clock.Advance(TimeSpan.FromHours(7.9));
        await RunLadderAsync(services);
        Assert.Empty(await NoticesAsync(Ana));
        _clock.Advance(TimeSpan.FromHours(0.1));
        await RunLadderAsync(services);
        Assert.Single(await NoticesAsync(Ana));
    }

    [Fact]
    public async Task A_project_that_does_not_reassign_returns_the_work_to_the_pool_and_one_without_steps_stays_silent()
    {
        await using var services = WorkerServices.Build(database, _clock);
        var (projectId, documentId) = await SetUpAsync(services, EscalationLadder.Default with { ReassignLapsedWork = false });
        var anas = (await RunAsync(services, s => s.GetRequiredService<ClaimNext>().ClaimAsync(Ana, documentId, "fr", 10, CancellationToken.None))).Value!;
        _clock.Advance(TimeSpan.FromHours(49));
        await RunLadderAsync(services);

        Assert.Equal(["VolunteerClaimLapsed: Ana let a claim lapse with 2 segment(s) of paper.md (fr) unfinished; back in the pool (this project does not reassign lapsed work)."],
            await NoticesAsync(Cora));
        Assert.Empty(await NoticesAsync(Bo));
        Assert.Equal(2, await RunAsync(services, s => s.GetRequiredService<TranslationDb>().Targets
            .CountAsync(t => anas.SegmentIds.Contains(t.SegmentId) && t.State == TargetState.Untranslated)));

        // Every step off: the lease still ends, silently.
        await RunAsync(services, async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            (await db.Projects.SingleAsync(p => p.Id == projectId)).ChangeLadder(new EscalationLadder(null, null, false, false, false));
            return await db.SaveChangesAsync();
        });
        await RunAsync(services, s => s.GetRequiredService<ClaimNext>().ClaimAsync(Bo, documentId, "fr", 10, CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(49));
        await RunLadderAsync(services);
        Assert.Empty(await NoticesAsync(Bo));
        Assert.Single(await NoticesAsync(Cora));
    }

    [Fact]
    public async Task Two_workers_sweeping_at_once_reassign_each_lapsed_segment_exactly_once()
    {
        await using var services = WorkerServices.Build(database, _clock);
        var (projectId, documentId) = await SetUpAsync(services, EscalationLadder.Default, paragraphs: 1000);
        var lapsers = Enumerable.Range(1, 10).Select(i => Guid.Parse($"00000000-0000-0000-0001-{i:D12}")).ToList();
        var backups = Enumerable.Range(1, 5).Select(i => Guid.Parse($"00000000-0000-0000-0002-{i:D12}")).ToList();
        foreach (var account in lapsers.Concat(backups))
        {
            await database.InsertAccountAsync(account, (lapsers.Contains(account) ? "Lapser" : "Backup") + account.ToString()[^2..]);
        }
        await RunAsync(services, async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            var now = _clock.GetUtcNow();
            foreach (var account in lapsers.Concat(backups))
            {
                var member = ProjectMember.Grant(projectId, account, "fr", Cora, now);
                member.SetRights(true, false, Cora, now);
                db.ProjectMembers.Add(member);
                var profile = VolunteerProfile.Empty(account, now);
                Assert.Null(profile.Update([], backups.Contains(account) ? 10_000 : 0, "UTC", [], now));
                db.VolunteerProfiles.Add(profile);
            }
            return await db.SaveChangesAsync();
        });
        foreach (var lapser in lapsers)
        {
            await RunAsync(services, s => s.GetRequiredService<ClaimNext>().ClaimAsync(lapser, documentId, "fr", 500, CancellationToken.None));
        }
        _clock.Advance(TimeSpan.FromDays(3));

        var counts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            RunAsync(services, s => s.GetRequiredService<ReclaimExpiredClaims>().RunAsync(CancellationToken.None)))));

        Assert.Equal(1000, counts.Sum());
        // Each of the 1,000 segments: claimed, expired, claimed again by someone else, once.
        var histories = await database.QueryAsync<string>("""
            SELECT string_agg(e.kind, ' ' ORDER BY e.sequence) || CASE WHEN t.claimed_by = first.actor_id THEN ' (same volunteer)' ELSE '' END
            FROM translate.targets t
            JOIN translate.target_events e ON e.target_id = t.id
            JOIN translate.target_events first ON first.target_id = t.id AND first.sequence = 1
            GROUP BY t.id, t.claimed_by, first.actor_id
            """);
        Assert.Equal(1000, histories.Count);
        Assert.All(histories, h => Assert.Equal("Claimed Expired Claimed", h));
        Assert.Equal([10L], await database.QueryAsync<long>("SELECT count(*) FROM translate.notifications WHERE kind = 'ClaimLapsed'"));
        Assert.Equal([10L], await database.QueryAsync<long>($"SELECT count(*) FROM translate.notifications WHERE kind = 'VolunteerClaimLapsed' AND account_id = '{Cora}'"));
    }
}
