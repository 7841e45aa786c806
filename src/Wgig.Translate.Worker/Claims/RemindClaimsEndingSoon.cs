using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Claims;

/// <summary>
/// Tells volunteers, once per claim and expiry, that a claim of theirs ends within the reminder period
/// while segments of it are still unfinished, with the end in their own time zone. One set-based insert;
/// the notification's once-key makes a second run (a retry, another Worker) write nothing.
/// </summary>
public sealed class RemindClaimsEndingSoon(TranslationDb db, TimeProvider clock, IOptions<ClaimOptions> options) : IBackgroundJob
{
    public const string RecurringJobId = "remind-claims-ending-soon";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + options.Value.RemindBefore;
        string claimed = nameof(TargetState.Claimed), kind = nameof(NotificationKind.ClaimEndingSoon), translation = nameof(ClaimKind.Translation);
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at)
            SELECT gen_random_uuid(), c.volunteer_id, {kind},
                'Your claim on ' || d.path || ' (' || c.language || ') ends ' ||
                    to_char(c.expires_at AT TIME ZONE coalesce(p.time_zone, 'UTC'), 'YYYY-MM-DD HH24:MI') || ' ' || coalesce(p.time_zone, 'UTC') ||
                    ' with ' || open.segments || ' segment(s) still to translate. Hand them in, renew the claim, or release it.',
                c.id, 'claim-ending:' || c.id || ':' || to_char(c.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'), {now}
            FROM translate.claims c
            JOIN translate.documents d ON d.id = c.document_id
            JOIN translate.accounts a ON a.id = c.volunteer_id
            LEFT JOIN translate.volunteer_profiles p ON p.account_id = c.volunteer_id
            CROSS JOIN LATERAL (SELECT count(*) AS segments FROM translate.targets t WHERE t.claim_id = c.id AND t.state = {claimed}) open
            WHERE c.kind = {translation} AND c.released_at IS NULL AND c.expires_at > {now} AND c.expires_at <= {horizon} AND open.segments > 0
            ON CONFLICT (account_id, once_key) DO NOTHING
            """, cancellationToken);
    }
}
