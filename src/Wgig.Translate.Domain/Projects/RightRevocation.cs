using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Projects;

/// <summary>
/// What taking a language right away does to work in progress: the volunteer's live claims (translate right) or
/// review batches (review right) in that project × language end at once, through the targets' own transitions,
/// so each target's history says who took the right away. Drafts stay as suggestions for the next translator.
/// </summary>
public static class RightRevocation
{
    /// <summary>Ends the work a change of rights no longer allows; returns how many segments were given back.</summary>
    public static async Task<int> EndWorkAsync(TranslationDb db, ProjectMember member, bool couldTranslate, bool couldReview, Guid revokedBy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = 0;
        var documents = db.Documents.Where(d => d.ProjectId == member.ProjectId).Select(d => d.Id);
        if (couldTranslate && !member.CanTranslate)
        {
            var why = $"The right to translate into {member.Language} was taken away; the claim ended.";
            var targets = await db.Targets.Where(t => t.Language == member.Language && t.State == TargetState.Claimed && t.ClaimedBy == member.AccountId
                && db.Segments.Any(s => s.Id == t.SegmentId && documents.Contains(s.DocumentId))).ToListAsync(cancellationToken);
            ended += targets.Count(t => t.EndClaimForLostRight(member.AccountId, revokedBy, why, now) is null);
            await ReleaseClaimsAsync(db, member, ClaimKind.Translation, documents, now, cancellationToken);
        }
        if (couldReview && !member.CanReview)
        {
            var why = $"The right to review {member.Language} was taken away; the review batch ended.";
            var targets = await db.Targets.Where(t => t.Language == member.Language && t.State == TargetState.Translated && t.ReviewClaimedBy == member.AccountId
                && db.Segments.Any(s => s.Id == t.SegmentId && documents.Contains(s.DocumentId))).ToListAsync(cancellationToken);
            ended += targets.Count(t => t.EndReviewForLostRight(member.AccountId, revokedBy, why, now) is null);
            await ReleaseClaimsAsync(db, member, ClaimKind.Review, documents, now, cancellationToken);
        }
        return ended;
    }

    private static async Task ReleaseClaimsAsync(TranslationDb db, ProjectMember member, ClaimKind kind, IQueryable<Guid> documents, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var claims = await db.Claims.Where(c => c.VolunteerId == member.AccountId && c.Language == member.Language && c.Kind == kind
            && c.ReleasedAt == null && c.ExpiresAt > now && documents.Contains(c.DocumentId)).ToListAsync(cancellationToken);
        claims.ForEach(c => c.Release(now));
    }
}
