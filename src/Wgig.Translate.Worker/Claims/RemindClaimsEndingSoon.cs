using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Claims;

/// <summary>
/// Tells volunteers, once per claim and expiry, that a claim of theirs ends soon while segments of it are
/// still unfinished: as long before as the project's ladder says, placed in the volunteer's availability
/// window (<see cref="VolunteerProfile.ReminderTime"/>), with the end in their own time zone. The
/// notification's once-key makes a second run (a retry, another Worker) write nothing.
/// </summary>
public sealed class RemindClaimsEndingSoon(TranslationDb db, TimeProvider clock) : IBackgroundJob
{
    public const string RecurringJobId = "remind-claims-ending-soon";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A reminder may go out up to twice its lead before the end (earlier in the last window before it is due).
        var horizon = now + 2 * Domain.Projects.EscalationLadder.MaxLead;
        var claims = await (
            from c in db.Claims
            where c.Kind == ClaimKind.Translation && c.ReleasedAt == null && c.ExpiresAt > now && c.ExpiresAt <= horizon
            join d in db.Documents on c.DocumentId equals d.Id
            join p in db.Projects on d.ProjectId equals p.Id
            where p.Ladder.RemindBeforeClaimEnds != null
            let unfinished = db.Targets.Count(t => t.ClaimId == c.Id && t.State == TargetState.Claimed)
            where unfinished > 0
            select new LadderNotices.EndingClaim(c.Id, c.VolunteerId, d.Path, c.Language, c.ExpiresAt, p.Ladder.RemindBeforeClaimEnds!.Value, unfinished))
            .AsNoTracking().ToListAsync(cancellationToken);
        var profiles = await VolunteerProfiles.ReadAsync(db, claims.Select(c => c.VolunteerId), now, cancellationToken);
        var notices = claims.Select(claim => LadderNotices.ClaimEndingSoon(claim, profiles[claim.VolunteerId], now)).OfType<OnceNotice>().ToList();
        return await db.NotifyOnceAsync(NotificationKind.ClaimEndingSoon, notices, now, cancellationToken);
    }
}
