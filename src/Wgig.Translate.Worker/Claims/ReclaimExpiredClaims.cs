using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
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
/// </summary>
public sealed class ReclaimExpiredClaims(TranslationDb db, TimeProvider clock, ILogger<ReclaimExpiredClaims> logger) : IBackgroundJob
{
    public const string RecurringJobId = "reclaim-expired-claims";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        string claimed = nameof(TargetState.Claimed), untranslated = nameof(TargetState.Untranslated), translated = nameof(TargetState.Translated),
            expired = nameof(TargetEventKind.Expired), draftSetAside = nameof(TargetEventKind.DraftSetAside);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reclaimed = await db.Database.ExecuteSqlAsync($"""
            WITH lapsed AS (
                SELECT id, claimed_by, draft, events_recorded, coalesce(state_before_claim, {untranslated}) AS back
                FROM translate.targets
                WHERE state = {claimed} AND claim_expires_at <= {now}
                FOR UPDATE SKIP LOCKED),
            expired_events AS (
                INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
                SELECT gen_random_uuid(), l.id, l.events_recorded + 1, {expired}, l.back, NULL, NULL, NULL, {now} FROM lapsed l),
            draft_events AS (
                INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
                SELECT gen_random_uuid(), l.id, l.events_recorded + 2, {draftSetAside}, l.back, l.claimed_by, l.draft, NULL, {now}
                FROM lapsed l WHERE l.draft IS NOT NULL)
            UPDATE translate.targets t
            SET state = l.back, claimed_by = NULL, claim_id = NULL, claim_expires_at = NULL, state_before_claim = NULL,
                draft = NULL, draft_saved_at = NULL, updated_at = {now},
                events_recorded = l.events_recorded + CASE WHEN l.draft IS NULL THEN 1 ELSE 2 END
            FROM lapsed l
            WHERE t.id = l.id
            """, cancellationToken);
        var released = await db.Database.ExecuteSqlAsync($"""
            WITH lapsed AS (
                SELECT id FROM translate.targets
                WHERE state = {translated} AND review_claim_expires_at <= {now}
                FOR UPDATE SKIP LOCKED)
            UPDATE translate.targets t
            SET review_claimed_by = NULL, review_claim_id = NULL, review_claim_expires_at = NULL, updated_at = {now}
            FROM lapsed l WHERE t.id = l.id
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (reclaimed + released > 0)
        {
            logger.LogInformation("Reclaimed {Segments} segments from expired claims and {Reviews} from expired review batches", reclaimed, released);
        }
        return reclaimed;
    }
}
