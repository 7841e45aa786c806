using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

/// <summary>A live claim or review batch of a document × language as coordinators see it: whose it is and what is left of it.</summary>
/// <param name="Remaining">Segments still to translate (a claim) or to decide on (a review batch), in document order.</param>
/// <param name="Drafts">How many of the remaining segments carry a draft the volunteer saved.</param>
public sealed record ClaimInProgress(Guid ClaimId, ClaimKind Kind, Guid VolunteerId, string VolunteerName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? DueAt, int RemainingWords, IReadOnlyList<Guid> Remaining, int Drafts);

/// <summary>What taking work back did.</summary>
/// <param name="SegmentIds">The segments taken back: open again for anyone (a claim's) or waiting in the review queue (a review batch's).</param>
/// <param name="DraftsKept">Drafts the volunteer had saved on them, kept in the history and offered to the next translator.</param>
/// <param name="ClaimEnded">Nothing is left in the claim: it ended. Otherwise the volunteer keeps the rest of it.</param>
public sealed record TakenBack(Guid ClaimId, ClaimKind Kind, Guid VolunteerId, string VolunteerName, IReadOnlyList<Guid> SegmentIds, int DraftsKept,
    bool ClaimEnded);

public sealed record NoSuchClaim(Guid DocumentId, Guid ClaimId)
    : NotFoundError("Claim not found", $"Document '{DocumentId}' has no claim or review batch '{ClaimId}'.");

/// <summary>
/// Coordinators see who holds which part of a document × language and take work back by hand: a whole claim (or review
/// batch) or chosen segments of it. Each segment leaves the claim through the target's own transition
/// (<see cref="Target.TakeBack"/>), which ends it as a lapsed lease would: back in the pool, any draft kept in the history as
/// a suggestion for whoever comes next, and the history names the coordinator. The volunteer is told.
/// </summary>
public sealed class ClaimTakeBack(TranslationDb db, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>The live claims and review batches of a document × language with something left in them, soonest ending first.</summary>
    public async Task<IReadOnlyList<ClaimInProgress>> InProgressAsync(Guid documentId, string language, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claims = await db.Claims.AsNoTracking().Where(c => c.DocumentId == documentId && c.Language == language && c.ReleasedAt == null && c.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        var ids = claims.Select(c => c.Id).ToList();
        var left = await db.Targets.AsNoTracking()
            .Where(t => (t.ClaimId != null && ids.Contains(t.ClaimId.Value) && t.State == TargetState.Claimed)
                || (t.ReviewClaimId != null && ids.Contains(t.ReviewClaimId.Value) && t.State == TargetState.Translated))
            .Select(t => new
            {
                ClaimId = t.State == TargetState.Claimed ? t.ClaimId!.Value : t.ReviewClaimId!.Value,
                Holder = t.State == TargetState.Claimed ? t.ClaimedBy : t.ReviewClaimedBy,
                t.SegmentId, t.Ordinal, t.WordCount, Drafted = t.State == TargetState.Claimed && t.Draft != null,
            })
            .ToListAsync(cancellationToken);
        var byClaim = left.GroupBy(l => l.ClaimId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Ordinal).ToList());
        var names = await AccountNames.ReadAsync(db, claims.Select(c => c.VolunteerId), cancellationToken);
        return [.. claims
            .Select(c => (Claim: c, Left: (byClaim.GetValueOrDefault(c.Id) ?? []).Where(r => r.Holder == c.VolunteerId).ToList()))
            .Where(x => x.Left.Count > 0)
            .OrderBy(x => x.Claim.ExpiresAt)
            .Select(x => new ClaimInProgress(x.Claim.Id, x.Claim.Kind, x.Claim.VolunteerId, names.GetValueOrDefault(x.Claim.VolunteerId, ""), x.Claim.CreatedAt,
                x.Claim.ExpiresAt, x.Claim.DueAt, x.Left.Sum(r => r.WordCount), [.. x.Left.Select(r => r.SegmentId)], x.Left.Count(r => r.Drafted)))];
    }

    /// <summary>
    /// Takes a live claim's (or review batch's) unfinished segments back from its volunteer: all of them, or the ones chosen
    /// (each must still be left in it). What was handed in stays handed in; drafts are kept as suggestions.
    /// </summary>
    /// <param name="reason">Told to the volunteer and kept in the history; optional.</param>
    public async Task<Result<TakenBack>> TakeBackAsync(Guid projectId, Guid documentId, Guid claimId, IReadOnlyCollection<Guid>? segmentIds, string? reason,
        Guid coordinatorId, string coordinatorName, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > MaxReasonLength })
        {
            return InvalidInputError.ForField("reason", $"A reason is at most {MaxReasonLength} characters; this one has {reason.Length}.");
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await DocumentLocks.ForClaimAsync(db, documentId, cancellationToken);
        var claim = await db.Claims.FromSql($"SELECT * FROM translate.claims WHERE id = {claimId} AND document_id = {documentId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return new NoSuchClaim(documentId, claimId);
        }
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, claim.Language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        if (!claim.IsLiveAt(now))
        {
            return new ClaimNotLive(claimId);
        }
        var reviewing = claim.Kind == ClaimKind.Review;
        var held = Target.InDocumentOrder(await db.Targets.FromSql($"""
                SELECT t.*, t.xmin FROM translate.targets t
                WHERE t.document_id = {documentId} AND t.language = {claim.Language}
                  AND ((t.claim_id = {claimId} AND t.claimed_by = {claim.VolunteerId} AND t.state = 'Claimed')
                    OR (t.review_claim_id = {claimId} AND t.review_claimed_by = {claim.VolunteerId} AND t.state = 'Translated'))
                ORDER BY t.ordinal NULLS LAST FOR UPDATE OF t
                """).ToListAsync(cancellationToken));
        var chosen = held;
        if (segmentIds is { Count: > 0 })
        {
            var strays = segmentIds.Except(held.Select(t => t.SegmentId)).ToList();
            if (strays.Count > 0)
            {
                return InvalidInputError.ForField("segmentIds",
                    $"{strays.Count} of the segments given {(strays.Count == 1 ? "is" : "are")} not left in this {(reviewing ? "review batch" : "claim")} " +
                    $"(handed in already, or never in it): {string.Join(", ", strays.Take(10))}. Take back only segments still left in it.");
            }
            chosen = [.. held.Where(t => segmentIds.Contains(t.SegmentId))];
        }
        var names = await AccountNames.ReadAsync(db, [claim.VolunteerId], cancellationToken);
        var volunteerName = names.GetValueOrDefault(claim.VolunteerId, "");
        var why = $"Taken back from {volunteerName} by {coordinatorName}{(reason is null ? "" : $": {reason}")}";
        var drafts = chosen.Count(t => t.Draft is not null);
        foreach (var target in chosen)
        {
            var refused = reviewing
                ? target.TakeBackReview(claim.VolunteerId, coordinatorId, why, now)
                : target.TakeBack(claim.VolunteerId, coordinatorId, why, now);
            if (refused is not null)
            {
                return refused;
            }
        }
        var ended = chosen.Count == held.Count;
        if (ended)
        {
            claim.Release(now);
        }
        if (chosen.Count > 0)
        {
            var profile = (await VolunteerProfiles.ReadAsync(db, [claim.VolunteerId], now, cancellationToken))[claim.VolunteerId];
            var place = $"{found.Value.Document.Path} ({found.Value.Language})";
            var text = $"{coordinatorName} took back {chosen.Count} segment(s) of {place} from your {(reviewing ? "review batch" : "claim")}" +
                (reason is null ? "." : $": {reason.TrimEnd('.')}.") +
                (drafts > 0 ? $" Your {drafts} draft(s) are kept and offered to whoever translates them next." : "") +
                (ended ? "" : $" The rest of it stays yours until {profile.LocalTime(claim.ExpiresAt)}.");
            db.Notifications.Add(Notification.Create(claim.VolunteerId, NotificationKind.WorkTakenBack, text, claim.Id,
                $"taken-back:{claim.Id}:{now.UtcTicks}", now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TakenBack(claim.Id, claim.Kind, claim.VolunteerId, volunteerName, [.. chosen.Select(t => t.SegmentId)], drafts, ended);
    }
}
