using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

/// <summary>
/// A volunteer's own leases: renewing one (a translation claim or a review batch) by the lease length
/// from now, and giving one back. Only the volunteer holding a claim acts on it.
/// </summary>
public sealed class ClaimLeases(TranslationDb db, TimeProvider clock, IOptions<ClaimOptions> options)
{
    /// <summary>
    /// Extends the caller's live claim by the lease length from now (up to the longest a claim may last). Renewing
    /// keeps work one may only do with the right: a right taken away is not renewed around.
    /// </summary>
    public async Task<Result<ClaimedBatch>> RenewAsync(Guid projectId, Guid documentId, Guid claimId, Guid volunteer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = await MineAsync(documentId, claimId, volunteer, kind: null, cancellationToken);
        if (claim is null)
        {
            return new ClaimNotFound(claimId);
        }
        var right = claim.Kind == ClaimKind.Review ? LanguageRight.Review : LanguageRight.Translate;
        var allowed = await DocumentLanguage.FindForAsync(db, projectId, documentId, claim.Language, volunteer, right, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed.Error;
        }
        if (!claim.IsLiveAt(now))
        {
            return new ClaimNotLive(claimId);
        }
        claim.Extend(now, options.Value);
        var held = claim.Kind == ClaimKind.Review ? await ReviewingAsync(claim, cancellationToken) : await TranslatingAsync(claim, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimedBatch(claim.Id, documentId, claim.Language, claim.ExpiresAt, [.. held.Select(t => t.SegmentId)], claim.Words);
    }

    /// <summary>Gives a translation claim's unfinished segments back; what was handed in stays handed in.</summary>
    public async Task<Result<Claim>> ReleaseAsync(Guid documentId, Guid claimId, Guid volunteer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = await MineAsync(documentId, claimId, volunteer, ClaimKind.Translation, cancellationToken);
        if (claim is null)
        {
            return new ClaimNotFound(claimId);
        }
        foreach (var target in await TranslatingAsync(claim, cancellationToken))
        {
            target.Release(volunteer, now);
        }
        claim.Release(now);
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    /// <summary>Gives a review batch's undecided translations back to the review queue.</summary>
    public async Task<Result<Claim>> ReleaseReviewAsync(Guid documentId, Guid claimId, Guid reviewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = await MineAsync(documentId, claimId, reviewer, ClaimKind.Review, cancellationToken);
        if (claim is null)
        {
            return new ClaimNotFound(claimId);
        }
        foreach (var target in await ReviewingAsync(claim, cancellationToken))
        {
            target.ReleaseReview(reviewer, now);
        }
        claim.Release(now);
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    private Task<Claim?> MineAsync(Guid documentId, Guid claimId, Guid volunteer, ClaimKind? kind, CancellationToken cancellationToken) =>
        db.Claims.SingleOrDefaultAsync(c => c.Id == claimId && c.DocumentId == documentId && c.VolunteerId == volunteer
            && (kind == null || c.Kind == kind), cancellationToken);

    private Task<List<Target>> TranslatingAsync(Claim claim, CancellationToken cancellationToken) =>
        db.Targets.Where(t => t.ClaimId == claim.Id && t.ClaimedBy == claim.VolunteerId && t.State == TargetState.Claimed).ToListAsync(cancellationToken);

    private Task<List<Target>> ReviewingAsync(Claim claim, CancellationToken cancellationToken) =>
        db.Targets.Where(t => t.ReviewClaimId == claim.Id && t.ReviewClaimedBy == claim.VolunteerId && t.State == TargetState.Translated)
            .ToListAsync(cancellationToken);
}
