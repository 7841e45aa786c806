using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Accounts;
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
/// work went. Each chunk locks its lapsed claims (SKIP LOCKED) and consumes their records in the same
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
        string claimed = nameof(TargetState.Claimed), untranslated = nameof(TargetState.Untranslated), translated = nameof(TargetState.Translated),
            expired = nameof(TargetEventKind.Expired), draftSetAside = nameof(TargetEventKind.DraftSetAside), reviewExpired = nameof(TargetEventKind.ReviewExpired);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reclaimed = (await db.Database.SqlQuery<int>($"""
            WITH lapsed AS (
                SELECT id, claim_id, claimed_by, draft, events_recorded, coalesce(state_before_claim, {untranslated}) AS back
                FROM translate.targets
                WHERE state = {claimed} AND claim_expires_at <= {now}
                FOR UPDATE SKIP LOCKED),
            expired_events AS (
                INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
                SELECT gen_random_uuid(), l.id, l.events_recorded + 1, {expired}, l.back, NULL, NULL, NULL, {now} FROM lapsed l),
            draft_events AS (
                INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
                SELECT gen_random_uuid(), l.id, l.events_recorded + 2, {draftSetAside}, l.back, l.claimed_by, l.draft, NULL, {now}
                FROM lapsed l WHERE l.draft IS NOT NULL),
            reclaimed AS (
                UPDATE translate.targets t
                SET state = l.back, claimed_by = NULL, claim_id = NULL, claim_expires_at = NULL, state_before_claim = NULL,
                    draft = NULL, draft_saved_at = NULL, updated_at = {now},
                    events_recorded = l.events_recorded + CASE WHEN l.draft IS NULL THEN 1 ELSE 2 END
                FROM lapsed l
                WHERE t.id = l.id
                RETURNING t.segment_id, t.language, l.claim_id, l.claimed_by),
            marked AS (
                UPDATE translate.claims c SET lapsed_at = {now}
                FROM (SELECT DISTINCT claim_id FROM reclaimed) r
                WHERE c.id = r.claim_id AND c.lapsed_at IS NULL),
            recorded AS (
                INSERT INTO translate.lapsed_segments (claim_id, segment_id)
                SELECT r.claim_id, r.segment_id FROM reclaimed r WHERE r.claim_id IS NOT NULL
                ON CONFLICT DO NOTHING)
            SELECT count(*)::int AS "Value" FROM reclaimed
            """).ToListAsync(cancellationToken)).Single();
        var paused = await PauseRepeatLapsersAsync(now, cancellationToken);
        // The lapse of a review batch is in the history too: a reviewer's decision that lost the race to it is explained.
        var released = await db.Database.ExecuteSqlAsync($"""
            WITH lapsed AS (
                SELECT id, events_recorded FROM translate.targets
                WHERE state = {translated} AND review_claim_expires_at <= {now}
                FOR UPDATE SKIP LOCKED),
            review_expired_events AS (
                INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
                SELECT gen_random_uuid(), l.id, l.events_recorded + 1, {reviewExpired}, {translated}, NULL, NULL, NULL, {now} FROM lapsed l)
            UPDATE translate.targets t
            SET review_claimed_by = NULL, review_claim_id = NULL, review_claim_expires_at = NULL, updated_at = {now},
                events_recorded = l.events_recorded + 1
            FROM lapsed l WHERE t.id = l.id
            """, cancellationToken);
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
        var overdue = new List<OnceNotice>();
        var alerts = new List<OnceNotice>();
        foreach (var batch in lapsed)
        {
            var ladder = ladders[batch.ProjectId];
            var outcome = outcomes.GetValueOrDefault(batch.ClaimId);
            var what = $"{batch.SegmentIds.Count} segment(s) of {paths[batch.DocumentId]} ({batch.Language})";
            var key = $"claim-lapsed:{batch.ClaimId}";
            if (ladder.OverdueNotice)
            {
                overdue.Add(new OnceNotice(batch.VolunteerId,
                    $"Your claim ran out with {what} unfinished; " + (outcome?.VolunteerId is not null ? "they went to another volunteer" : "they are back in the pool") +
                    ". Anything you typed is kept in the segments' history as a suggestion.", batch.ClaimId, key));
            }
            if (ladder.AlertCoordinators)
            {
                var where = outcome switch
                {
                    { VolunteerId: { } backup } => $"reassigned to {names.GetValueOrDefault(backup, backup.ToString())}",
                    { WhyNot: { } why } => $"back in the pool: {why}",
                    _ => "back in the pool (this project does not reassign lapsed work)",
                };
                alerts.Add(new OnceNotice(Guid.Empty, $"{names.GetValueOrDefault(batch.VolunteerId, batch.VolunteerId.ToString())} let a claim lapse with {what} unfinished; {where}.",
                    batch.ClaimId, key));
            }
        }
        await db.NotifyOnceAsync(NotificationKind.ClaimLapsed, overdue, now, cancellationToken);
        await db.NotifyCoordinatorsOnceAsync(NotificationKind.VolunteerClaimLapsed, alerts, now, cancellationToken);
        return outcomes.Values.Where(o => o.VolunteerId is not null).Sum(o => o.Batch.SegmentIds.Count);
    }

    // A volunteer who let PauseAfterLapses claims lapse within the window (since a coordinator last resumed
    // them) is paused; they and every coordinator are told, once.
    private async Task<int> PauseRepeatLapsersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - options.Value.LapseWindow;
        var threshold = options.Value.PauseAfterLapses;
        var reason = $"{threshold} or more claims lapsed within {options.Value.LapseWindow.TotalDays:0} days";
        string youWerePaused = nameof(NotificationKind.YouWerePaused), volunteerPaused = nameof(NotificationKind.VolunteerPaused), coordinator = Roles.Coordinator,
            immediately = nameof(MailPreference.Immediately);
        return (await db.Database.SqlQuery<int>($"""
            WITH lapsers AS (
                SELECT c.volunteer_id FROM translate.claims c
                JOIN translate.accounts a ON a.id = c.volunteer_id
                LEFT JOIN translate.volunteer_profiles p ON p.account_id = c.volunteer_id
                WHERE c.lapsed_at > {since} AND c.lapsed_at > coalesce(p.resumed_at, '-infinity') AND coalesce(p.paused, false) = false
                GROUP BY c.volunteer_id HAVING count(*) >= {threshold}),
            paused AS (
                INSERT INTO translate.volunteer_profiles AS p (account_id, languages, capacity_words_per_week, time_zone, availability, paused, paused_reason, paused_at, updated_at, mail, show_email_in_credits)
                SELECT volunteer_id, '[]', 0, 'UTC', '[]', true, {reason}, {now}, {now}, {immediately}, false FROM lapsers
                ON CONFLICT (account_id) DO UPDATE SET paused = true, paused_reason = excluded.paused_reason, paused_at = excluded.paused_at, updated_at = excluded.updated_at
                RETURNING p.account_id),
            named AS (
                SELECT p.account_id, a.display_name FROM paused p JOIN translate.accounts a ON a.id = p.account_id),
            told_them AS (
                INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at, mail_attempts)
                SELECT gen_random_uuid(), n.account_id, {youWerePaused},
                    'You were paused: ' || {reason} || '. Your coordinator can resume you; until then you take no new work.',
                    n.account_id, 'paused:' || n.account_id || ':' || {now}, {now}, 0
                FROM named n
                ON CONFLICT (account_id, once_key) DO NOTHING),
            told_coordinators AS (
                INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at, mail_attempts)
                SELECT gen_random_uuid(), c.user_id, {volunteerPaused},
                    n.display_name || ' was paused: ' || {reason} || '.', n.account_id, 'paused:' || n.account_id || ':' || {now}, {now}, 0
                FROM named n
                CROSS JOIN (SELECT ar.user_id FROM translate.account_roles ar JOIN translate.roles r ON r.id = ar.role_id WHERE r.name = {coordinator}) c
                ON CONFLICT (account_id, once_key) DO NOTHING)
            SELECT count(*)::int AS "Value" FROM named
            """).ToListAsync(cancellationToken)).Single();
    }
}
