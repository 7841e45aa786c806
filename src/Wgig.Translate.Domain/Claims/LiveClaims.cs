using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

/// <summary>One live claim or review batch of a volunteer, with what is left of it.</summary>
/// <param name="Remaining">Segments still to translate (a claim) or to decide on (a review batch), in document order.</param>
/// <param name="DueAt">A coordinator's batch deadline, when the batch was assigned with one.</param>
public sealed record LiveClaim(Guid ClaimId, ClaimKind Kind, Guid ProjectId, Guid DocumentId, string Path, string Language, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? DueAt, int Words, int RemainingWords, IReadOnlyList<Guid> Remaining);

/// <summary>What a volunteer holds right now: their live claims and review batches, soonest ending first.</summary>
public static class LiveClaims
{
    public static async Task<IReadOnlyList<LiveClaim>> ForAsync(TranslationDb db, Guid volunteerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.VolunteerId == volunteerId && c.ReleasedAt == null && c.ExpiresAt > now)
            .Join(db.Documents, c => c.DocumentId, d => d.Id, (c, d) => new { Claim = c, d.ProjectId, d.Path })
            .OrderBy(x => x.Claim.ExpiresAt).ThenBy(x => x.Claim.Id)
            .ToListAsync(cancellationToken);
        var ids = claims.Select(c => c.Claim.Id).ToList();
        // Left in a claim: claimed and not handed in; left in a review batch: handed in and not decided on.
        var left = await db.Targets.AsNoTracking()
            .Where(t => (t.ClaimId != null && ids.Contains(t.ClaimId.Value) && t.State == TargetState.Claimed && t.ClaimedBy == volunteerId)
                || (t.ReviewClaimId != null && ids.Contains(t.ReviewClaimId.Value) && t.State == TargetState.Translated && t.ReviewClaimedBy == volunteerId))
            .Join(db.Segments, t => t.SegmentId, s => s.Id, (t, s) => new { ClaimId = t.ClaimId ?? t.ReviewClaimId!.Value, t.SegmentId, s.Ordinal, s.WordCount })
            .ToListAsync(cancellationToken);
        var byClaim = left.GroupBy(l => l.ClaimId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Ordinal).ToList());
        return [.. claims.Select(c =>
        {
            var rest = byClaim.GetValueOrDefault(c.Claim.Id) ?? [];
            return new LiveClaim(c.Claim.Id, c.Claim.Kind, c.ProjectId, c.Claim.DocumentId, c.Path, c.Claim.Language, c.Claim.CreatedAt, c.Claim.ExpiresAt,
                c.Claim.DueAt, c.Claim.Words, rest.Sum(r => r.WordCount), [.. rest.Select(r => r.SegmentId)]);
        })];
    }
}
