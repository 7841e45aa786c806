using Wgig.Translate.Domain.Progress;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.People;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Dashboard;

/// <summary>A document's deadline in one language and the Worker's latest forecast for it.</summary>
public sealed record DeadlineForecast(DateTimeOffset DueAt, ForecastStatus Status, DateTimeOffset? ProjectedFinish, DateTimeOffset? ForecastAt);

/// <summary>One cell of the heat table: a document in one target language, in words.</summary>
/// <param name="AwaitingReviewWords">Translated and not yet approved.</param>
/// <param name="CountedAt">When the figures were counted (they are exact at that moment); null for a language with nothing to count.</param>
public sealed record ProgressCell(string Language, int Words, int UntranslatedWords, int AwaitingReviewWords, int ApprovedWords, DeadlineForecast? Deadline,
    DateTimeOffset? CountedAt)
{
    public double ApprovedShare => Words == 0 ? 0 : (double)ApprovedWords / Words;

    public double TranslatedShare => Words == 0 ? 0 : (double)(AwaitingReviewWords + ApprovedWords) / Words;
}

public sealed record DashboardDocument(Guid DocumentId, string Path, int Version, IReadOnlyList<ProgressCell> Languages);

/// <summary>A claim or review batch a coordinator may need to act on: ending soon, or lapsed lately.</summary>
public sealed record LeaseAlert(Guid ClaimId, Guid DocumentId, string Path, string Language, ClaimKind Kind, Guid VolunteerId, string VolunteerName, int Words,
    DateTimeOffset ExpiresAt, DateTimeOffset? LapsedAt);

/// <summary>The coordinator's dashboard of one project: progress per document × language, deadlines and forecasts, leases to watch, workload.</summary>
public sealed record ProjectDashboardView(Guid ProjectId, string Name, string SourceLanguage, IReadOnlyList<string> Languages,
    IReadOnlyList<DashboardDocument> Documents, IReadOnlyList<LeaseAlert> EndingSoon, IReadOnlyList<LeaseAlert> Lapsed, IReadOnlyList<Person> Workload,
    DateTimeOffset At);

/// <summary>
/// Reads the coordinator's dashboard of a project in a few set-based queries: the progress rows (the one progress
/// read, <see cref="Progress.DocumentProgress"/>), deadlines, claims ending within <see cref="EndingSoonWindow"/> or
/// lapsed within <see cref="LapsedWindow"/>, and the project's people from <see cref="PeopleDirectory"/> for the
/// workload chart. Serves the dashboard page and GET /api/projects/{id}/dashboard.
/// </summary>
public sealed class ProjectDashboard(TranslationDb db, PeopleDirectory people, TimeProvider clock)
{
    public static readonly TimeSpan EndingSoonWindow = TimeSpan.FromHours(24);

    public static readonly TimeSpan LapsedWindow = TimeSpan.FromDays(7);

    /// <summary>At most this many volunteers on the workload chart (the busiest first); the people page lists everyone.</summary>
    public const int WorkloadLimit = 200;

    public async Task<Result<ProjectDashboardView>> ReadAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.Name, p.SourceLanguage, p.TargetLanguages }).SingleOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var now = clock.GetUtcNow();
        var documents = await db.Documents.AsNoTracking().Where(d => d.ProjectId == projectId).OrderBy(d => d.Path)
            .Select(d => new { d.Id, d.Path, d.CurrentVersion }).ToListAsync(cancellationToken);
        var ids = db.Documents.Where(d => d.ProjectId == projectId).Select(d => d.Id);
        // Exact at this moment: the folded figures plus the changes not yet folded (ProgressCounts).
        var progress = (await ProgressCounts.ForAsync(db, [.. documents.Select(d => d.Id)], cancellationToken))
            .SelectMany(d => d.Value.Select(p => (d.Key, p))).ToDictionary(x => (x.Key, x.p.Language), x => x.p);
        var deadlines = (await db.Deadlines.AsNoTracking().Where(d => ids.Contains(d.DocumentId)).ToListAsync(cancellationToken))
            .ToDictionary(d => (d.DocumentId, d.Language), d => new DeadlineForecast(d.DueAt, d.Status, d.ProjectedFinish, d.ForecastAt));

        var rows = documents.Select(d => new DashboardDocument(d.Id, d.Path, d.CurrentVersion, [.. project.TargetLanguages.Select(language =>
        {
            var deadline = deadlines.GetValueOrDefault((d.Id, language));
            return progress.TryGetValue((d.Id, language), out var p)
                ? new ProgressCell(language, p.WordCount, p.WordCount - p.TranslatedWords, p.TranslatedWords - p.ApprovedWords, p.ApprovedWords, deadline, now)
                : new ProgressCell(language, 0, 0, 0, 0, deadline, null);
        })])).ToList();

        var soon = now + EndingSoonWindow;
        var lapsedSince = now - LapsedWindow;
        var documentIds = documents.Select(d => d.Id).ToList();
        var claims = await db.Claims.AsNoTracking().Where(c => documentIds.Contains(c.DocumentId)
                && (c.ReleasedAt == null && c.ExpiresAt > now && c.ExpiresAt <= soon || c.LapsedAt != null && c.LapsedAt >= lapsedSince))
            .OrderBy(c => c.ExpiresAt).Take(400).ToListAsync(cancellationToken);
        var names = await AccountNames.ReadAsync(db, claims.Select(c => c.VolunteerId), cancellationToken);
        var paths = documents.ToDictionary(d => d.Id, d => d.Path);
        var alerts = claims.Select(c => new LeaseAlert(c.Id, c.DocumentId, paths[c.DocumentId], c.Language, c.Kind, c.VolunteerId,
            names.GetValueOrDefault(c.VolunteerId, ""), c.Words, c.ExpiresAt, c.LapsedAt)).ToList();

        var workload = await people.ReadAsync(new PeopleQuery(projectId, PageSize: WorkloadLimit), null, cancellationToken);
        return new ProjectDashboardView(project.Id, project.Name, project.SourceLanguage, project.TargetLanguages, rows,
            [.. alerts.Where(a => a.LapsedAt is null)], [.. alerts.Where(a => a.LapsedAt is not null).OrderByDescending(a => a.LapsedAt)],
            [.. workload.Items.OrderByDescending(p => p.OpenWords + p.SubmittedWordsThisWeek).ThenBy(p => p.Name, StringComparer.CurrentCulture)], now);
    }
}
