using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Wgig.Translate.Domain.Balancing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Claims;

/// <summary>
/// Stalled work goes back to the pool: every target whose claim ran out returns to the state it had before
/// the claim, with the events <see cref="Target.Expire"/> records (Expired, then DraftSetAside carrying the
/// claimant's draft, so nothing they typed is lost), and review batches that ran out are released. One
/// set-based statement per kind, not a loop. Rows are taken with SKIP LOCKED, so two Workers sweeping at
/// once split the work and each expired claim is reclaimed exactly once; running it again finds nothing.
/// The sweep also records each reclaimed segment as lapsed; then the rest of each project's escalation
/// ladder runs over them a few claims at a time: the unfinished segments go to a backup volunteer by the
/// balancing policy, the volunteer gets the overdue notice and the coordinators an alert saying where the
/// work went (coordinators hear only of their own projects). Each chunk locks its lapsed claims (SKIP LOCKED) and consumes their records in the same
/// transaction as the reassignment, so every lapsed segment is reassigned once, by one Worker; and the
/// sweep's own locks stay short however much work lapsed at once.
/// </summary>
public sealed class ReclaimExpiredClaims(TranslationDb db, TimeProvider clock, IOptions<ClaimOptions> options, LapsedWorkReassignment reassignment,
    ILogger<ReclaimExpiredClaims> logger) : IBackgroundJob
{
    public const string RecurringJobId = "reclaim-expired-claims";

    private const int ClaimsPerLadderChunk = 20;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var reclaimed = await SweepAsync(cancellationToken);
        await EscalateLapsedAsync(cancellationToken);
        return reclaimed;
    }

    /// <summary>Returns expired claims to the pool and releases expired review batches; the count of segments reclaimed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var at = new NpgsqlParameter("now", now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reclaimed = (await db.Database.SqlQueryRaw<int>(TargetSql.ExpireLapsed, at).ToListAsync(cancellationToken)).Single();
        var paused = await PauseRepeatLapsersAsync(now, cancellationToken);
        var released = await db.Database.ExecuteSqlRawAsync(TargetSql.ReleaseLapsedReviews, [new NpgsqlParameter("now", now)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (reclaimed + released + paused > 0)
        {
            logger.LogInformation("Reclaimed {Segments} segments from expired claims and {Reviews} from expired review batches; paused {Paused} volunteers",
                reclaimed, released, paused);
        }
        return reclaimed;
    }

    /// <summary>The ladder's steps after claims lapsed, a few claims per transaction; the count of segments reassigned.</summary>
    public async Task<int> EscalateLapsedAsync(CancellationToken cancellationToken)
    {
        var reassigned = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimIds = await db.Database.SqlQuery<Guid>($"""
                SELECT c.id AS "Value" FROM translate.claims c
                WHERE EXISTS (SELECT 1 FROM translate.lapsed_segments l WHERE l.claim_id = c.id)
                ORDER BY c.id LIMIT {ClaimsPerLadderChunk}
                FOR UPDATE OF c SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (claimIds.Count == 0)
            {
                return reassigned;
            }
            var lapsed = await db.Database.SqlQuery<ReclaimedSegment>($"""
                SELECT c.id AS claim_id, c.volunteer_id, d.project_id, s.document_id, c.language, s.id AS segment_id, s.word_count AS words
                FROM translate.lapsed_segments l
                JOIN translate.claims c ON c.id = l.claim_id
                JOIN translate.segments s ON s.id = l.segment_id
                JOIN translate.documents d ON d.id = s.document_id
                WHERE l.claim_id = ANY({claimIds.ToArray()})
                ORDER BY s.document_id, s.ordinal
                """).ToListAsync(cancellationToken);
            reassigned += await EscalateAsync(lapsed, now, cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM translate.lapsed_segments WHERE claim_id = ANY({claimIds.ToArray()})", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private sealed record ReclaimedSegment(Guid ClaimId, Guid VolunteerId, Guid ProjectId, Guid DocumentId, string Language, Guid SegmentId, int Words);

    // The ladder's steps after a claim lapsed, as each project configured them.
    private async Task<int> EscalateAsync(List<ReclaimedSegment> reclaimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reclaimed.Count == 0)
        {
            return 0;
        }
        var lapsed = reclaimed.GroupBy(r => r.ClaimId).Select(g => new LapsedBatch(g.Key, g.First().VolunteerId, g.First().ProjectId, g.First().DocumentId,
            g.First().Language, [.. g.Select(r => r.SegmentId)], g.Sum(r => r.Words))).ToList();
        var projectIds = lapsed.Select(b => b.ProjectId).Distinct().ToList();
        var ladders = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Ladder, cancellationToken);
        var toReassign = lapsed.Where(b => ladders[b.ProjectId].ReassignLapsedWork).ToList();
        var outcomes = (await reassignment.ReassignAsync(toReassign, cancellationToken)).ToDictionary(o => o.Batch.ClaimId);
        var documentIds = lapsed.Select(b => b.DocumentId).Distinct().ToList();
        var paths = await db.Documents.Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Path, cancellationToken);
        var names = await reassignment.NamesAsync(lapsed.Select(b => b.VolunteerId).Concat(outcomes.Values.Where(o => o.VolunteerId is not null).Select(o => o.VolunteerId!.Value)),
            cancellationToken);
        var notices = lapsed.Select(batch => LadderNotices.ClaimLapsed(batch, paths[batch.DocumentId], ladders[batch.ProjectId],
            outcomes.GetValueOrDefault(batch.ClaimId), id => names.GetValueOrDefault(id, id.ToString()))).ToList();
        await db.NotifyOnceAsync(NotificationKind.ClaimLapsed, [.. notices.Select(n => n.Overdue).OfType<OnceNotice>()], now, cancellationToken);
        await db.NotifyCoordinatorsOnceAsync(NotificationKind.VolunteerClaimLapsed, [.. notices.Select(n => n.Alert).OfType<CoordinatorNotice>()], now, cancellationToken);
        return outcomes.Values.Where(o => o.VolunteerId is not null).Sum(o => o.Batch.SegmentIds.Count);
    }

    // The pause rule (LadderNotices.RepeatLapsers) over the volunteers whose claims lapsed within the window.
    private async Task<int> PauseRepeatLapsersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - options.Value.LapseWindow;
        var lapses = await db.Claims.AsNoTracking().Where(c => c.LapsedAt > since)
            .Join(db.Documents, c => c.DocumentId, d => d.Id, (c, d) => new LadderNotices.Lapse(c.VolunteerId, c.LapsedAt!.Value, d.ProjectId))
            .ToListAsync(cancellationToken);
        if (lapses.Count < options.Value.PauseAfterLapses)
        {
            return 0;
        }
        var volunteers = lapses.Select(l => l.VolunteerId).Distinct().ToList();
        var stored = await db.VolunteerProfiles.Where(p => volunteers.Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, cancellationToken);
        var profiles = await VolunteerProfiles.ReadAsync(db, volunteers, now, cancellationToken);
        var names = await reassignment.NamesAsync(volunteers, cancellationToken);
        var pauses = LadderNotices.RepeatLapsers(lapses, profiles, id => names.GetValueOrDefault(id, id.ToString()), options.Value, now)
            .Where(p => names.ContainsKey(p.VolunteerId)).ToList();
        foreach (var pause in pauses)
        {
            if (!stored.TryGetValue(pause.VolunteerId, out var profile))
            {
                profile = VolunteerProfile.Empty(pause.VolunteerId, now);
                db.VolunteerProfiles.Add(profile);
            }
            profile.Pause(pause.Reason, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.NotifyOnceAsync(NotificationKind.YouWerePaused, [.. pauses.Select(p => p.ToVolunteer)], now, cancellationToken);
        await db.NotifyCoordinatorsOnceAsync(NotificationKind.VolunteerPaused, [.. pauses.SelectMany(p => p.ToCoordinators)], now, cancellationToken);
        return pauses.Count;
    }
}
