using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Deadlines;

/// <summary>
/// For every deadline not yet met: the words left (segments without a submitted or approved translation)
/// and the velocity of the last 14 days (words handed in per day), projected to a finish date. When the
/// status changes (on track, at risk, done) the project's coordinators are told, once per change. Safe to run
/// twice: the second run finds no change.
/// </summary>
public sealed class ForecastDeadlines(TranslationDb db, TimeProvider clock) : IBackgroundJob
{
    public const string RecurringJobId = "forecast-deadlines";
    private static readonly TimeSpan VelocityWindow = TimeSpan.FromDays(14);

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
            var document = await db.Documents.Where(d => d.Id == deadline.DocumentId).Select(d => new { d.ProjectId, d.Path }).SingleAsync(cancellationToken);
            await db.NotifyCoordinatorsOnceAsync(NotificationKind.DeadlineForecastChanged,
                [DeadlineNotices.ForecastChanged(deadline, document.ProjectId, document.Path, remaining, now)],
                now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await NoticesAsync(now, cancellationToken);
        return changed;
    }

    // The rest of the project's ladder, each step once: volunteers holding claims on a document hear that its
    // deadline is near (in their own time zone, placed in their availability window); when it passes
    // unfinished, they (overdue notice) and the coordinators (alert) hear that too.
    private async Task NoticesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var horizon = now + 2 * Domain.Projects.EscalationLadder.MaxLead;
        string claimed = nameof(TargetState.Claimed), done = nameof(ForecastStatus.Done);
        var holders = await db.Database.SqlQuery<DeadlineNotices.Holding>($"""
            SELECT dl.id AS deadline_id, p.id AS project_id, dl.document_id AS document_id, dl.due_at AS due_at, dl.language AS language, d.path AS path,
                coalesce(t.claimed_by, '00000000-0000-0000-0000-000000000000') AS volunteer_id, count(t.id)::int AS segments, p.ladder_remind_before_deadline AS lead,
                p.ladder_overdue_notice AS overdue_notice, p.ladder_alert_coordinators AS alert_coordinators
            FROM translate.deadlines dl
            JOIN translate.documents d ON d.id = dl.document_id
            JOIN translate.projects p ON p.id = d.project_id
            LEFT JOIN translate.segments s ON s.document_id = dl.document_id AND s.retired_in_version IS NULL
            LEFT JOIN translate.targets t ON t.segment_id = s.id AND t.language = dl.language AND t.state = {claimed}
                AND EXISTS (SELECT 1 FROM translate.claims c WHERE c.id = t.claim_id AND c.expires_at > {now})
            WHERE dl.status <> {done} AND dl.due_at <= {horizon}
            GROUP BY dl.id, dl.document_id, dl.due_at, dl.language, d.path, t.claimed_by, p.id
            """).ToListAsync(cancellationToken);
        var profiles = await VolunteerProfiles.ReadAsync(db, holders.Where(h => h.Segments > 0).Select(h => h.VolunteerId), now, cancellationToken);
        var steps = holders.Select(h => DeadlineNotices.For(h, profiles[h.VolunteerId], now)).ToList();
        List<OnceNotice> near = [.. steps.Select(s => s.Near).OfType<OnceNotice>()], missed = [.. steps.Select(s => s.Missed).OfType<OnceNotice>()];
        List<CoordinatorNotice> alerts = [.. steps.Select(s => s.Alert).OfType<CoordinatorNotice>()];
        await db.NotifyOnceAsync(NotificationKind.DeadlineNear, near, now, cancellationToken);
        await db.NotifyOnceAsync(NotificationKind.DeadlineMissed, missed, now, cancellationToken);
        await db.NotifyCoordinatorsOnceAsync(NotificationKind.DeadlineMissed, [.. alerts.DistinctBy(a => a.OnceKey)], now, cancellationToken);
    }
}
