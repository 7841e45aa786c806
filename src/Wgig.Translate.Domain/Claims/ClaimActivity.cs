using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

/// <summary>
/// Work on a claim (a draft saved, a translation handed in, an upload) is activity: the claim and every
/// segment it still holds run a full lease from now, up to the longest a claim may last.
/// </summary>
public static class ClaimActivity
{
    /// <param name="loaded">Targets already tracked by the caller, so that they are not loaded twice.</param>
    public static async Task ExtendAsync(TranslationDb db, IReadOnlyCollection<Guid> claimIds, ClaimOptions options, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (claimIds.Count == 0)
        {
            return;
        }
        var claims = await db.Claims.Where(c => claimIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var held = await db.Targets.Where(t => t.ClaimId != null && claimIds.Contains(t.ClaimId.Value) && t.State == TargetState.Claimed)
            .ToListAsync(cancellationToken);
        foreach (var claim in claims.Where(c => c.IsLiveAt(now)))
        {
            claim.Extend(now, options);
            foreach (var target in held.Where(t => t.ClaimId == claim.Id))
            {
                target.Renew(claim.VolunteerId, claim.ExpiresAt, now);
            }
        }
    }
}
