using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Deadlines;

/// <summary>
/// For every deadline not yet met: the words left (segments without a submitted or approved translation)
/// and the velocity of the last 14 days (words handed in per day), projected to a finish date. When the
/// status changes (on track, at risk, done) every coordinator is told, once per change. Safe to run
/// twice: the second run finds no change.
/// </summary>
public sealed class ForecastDeadlines(TranslationDb db, TimeProvider clock) : IBackgroundJob
{
    public const string RecurringJobId = "forecast-deadlines";
    private static readonly TimeSpan VelocityWindow = TimeSpan.FromDays(14);
    private static readonly TimeSpan NearDeadline = TimeSpan.FromHours(48);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - VelocityWindow;
        var deadlines = await db.Deadlines.Where(d => d.Status != ForecastStatus.Done).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var deadline in deadlines)
        {
            var segments = db.Segments.Where(s => s.DocumentId == deadline.DocumentId && s.RetiredInVersion == null);
            var remaining = await segments
                .Where(s => !db.Targets.Any(t => t.SegmentId == s.Id && t.Language == deadline.Language
                    && (t.State == TargetState.Translated || t.State == TargetState.Approved)))
                .SumAsync(s => (int?)s.WordCount, cancellationToken) ?? 0;
            var recent = await db.TargetEvents.Where(e => e.Kind == TargetEventKind.Submitted && e.At >= since)
                .Join(db.Targets.Where(t => t.Language == deadline.Language), e => e.TargetId, t => t.Id, (e, t) => t.SegmentId)
                .Join(segments, id => id, s => s.Id, (_, s) => (int?)s.WordCount)
                .SumAsync(cancellationToken) ?? 0;
            if (!deadline.Forecast(remaining, recent / VelocityWindow.TotalDays, now))
            {
                continue;
            }
            changed++;
            var path = await db.Documents.Where(d => d.Id == deadline.DocumentId).Select(d => d.Path).SingleAsync(cancellationToken);
            var text = deadline.Status switch
            {
                ForecastStatus.AtRisk => $"{path} ({deadline.Language}) is at risk of missing its deadline {deadline.DueAt:yyyy-MM-dd HH:mm} UTC: " +
                    (deadline.ProjectedFinish is { } finish ? $"at the recent pace it finishes {finish:yyyy-MM-dd}" : "nothing was handed in lately") + $", {remaining:N0} words left.",
                ForecastStatus.OnTrack => $"{path} ({deadline.Language}) is on track for its deadline {deadline.DueAt:yyyy-MM-dd HH:mm} UTC.",
                ForecastStatus.Done => $"{path} ({deadline.Language}) is translated, before its deadline {deadline.DueAt:yyyy-MM-dd HH:mm} UTC.",
                _ => $"{path} ({deadline.Language}): too little recent work to forecast its deadline {deadline.DueAt:yyyy-MM-dd HH:mm} UTC.",
            };
            var key = $"deadline:{deadline.Id}:{deadline.Status}:{now:O}";
            string kind = nameof(NotificationKind.DeadlineForecastChanged), coordinator = Roles.Coordinator;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at)
                SELECT gen_random_uuid(), ar.user_id, {kind}, {text}, {deadline.DocumentId}, {key}, {now}
                FROM translate.account_roles ar JOIN translate.roles r ON r.id = ar.role_id WHERE r.name = {coordinator}
                ON CONFLICT (account_id, once_key) DO NOTHING
                """, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await NoticesAsync(now, cancellationToken);
        return changed;
    }

    // The rest of the ladder, each step once: volunteers holding claims on a document hear that its deadline
    // is near (in their own time zone); when it passes unfinished, they and the coordinators hear that too.
    private async Task NoticesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var soon = now + NearDeadline;
        string near = nameof(NotificationKind.DeadlineNear), missed = nameof(NotificationKind.DeadlineMissed), claimed = nameof(TargetState.Claimed),
            done = nameof(ForecastStatus.Done), coordinator = Roles.Coordinator;
        await db.Database.ExecuteSqlAsync($"""
            WITH holders AS (
                SELECT dl.id AS deadline_id, dl.due_at, dl.language, d.path, t.claimed_by AS volunteer_id, count(*) AS segments
                FROM translate.deadlines dl
                JOIN translate.documents d ON d.id = dl.document_id
                JOIN translate.segments s ON s.document_id = dl.document_id AND s.retired_in_version IS NULL
                JOIN translate.targets t ON t.segment_id = s.id AND t.language = dl.language AND t.state = {claimed} AND t.claim_expires_at > {now}
                WHERE dl.status <> {done} AND dl.due_at <= {soon}
                GROUP BY dl.id, dl.due_at, dl.language, d.path, t.claimed_by)
            INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at)
            SELECT gen_random_uuid(), h.volunteer_id, CASE WHEN h.due_at > {now} THEN {near} ELSE {missed} END,
                h.path || ' (' || h.language || ') ' || CASE WHEN h.due_at > {now} THEN 'is due ' ELSE 'was due ' END ||
                    to_char(h.due_at AT TIME ZONE coalesce(p.time_zone, 'UTC'), 'YYYY-MM-DD HH24:MI') || ' ' || coalesce(p.time_zone, 'UTC') ||
                    '; you hold ' || h.segments || ' segment(s) of it.',
                h.deadline_id, CASE WHEN h.due_at > {now} THEN 'deadline-near:' ELSE 'deadline-missed:' END || h.deadline_id || ':' || to_char(h.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'), {now}
            FROM holders h
            JOIN translate.accounts a ON a.id = h.volunteer_id
            LEFT JOIN translate.volunteer_profiles p ON p.account_id = h.volunteer_id
            ON CONFLICT (account_id, once_key) DO NOTHING
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at)
            SELECT gen_random_uuid(), ar.user_id, {missed},
                d.path || ' (' || dl.language || ') missed its deadline ' || to_char(dl.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC with work unfinished.',
                dl.document_id, 'deadline-missed:' || dl.id || ':' || to_char(dl.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'), {now}
            FROM translate.deadlines dl
            JOIN translate.documents d ON d.id = dl.document_id
            CROSS JOIN (SELECT ar.user_id FROM translate.account_roles ar JOIN translate.roles r ON r.id = ar.role_id WHERE r.name = {coordinator}) ar
            WHERE dl.status <> {done} AND dl.due_at <= {now}
            ON CONFLICT (account_id, once_key) DO NOTHING
            """, cancellationToken);
    }
}
