using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Web.People;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Activity;
using Wgig.Translate.Domain.Balancing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Dashboard;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Dashboard;

/// <summary>
/// The coordinators' pages: the projects, a project's dashboard (progress heat table, workload chart, leases to watch,
/// deadlines set in place, imports) and the balancing page of a document × language. Every write goes through the
/// Domain service the JSON API uses (<see cref="Domain.Deadlines.Deadlines"/>, <see cref="DocumentImport"/>,
/// <see cref="WorkAssignment"/>).
/// </summary>
public static class DashboardPages
{
    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Coordinator, Roles.Secretariat];

    public static RouteGroupBuilder MapDashboardPages(this RouteGroupBuilder web, WebNavigation navigation)
    {
        navigation.Add(new NavigationItem("/projects", "Nav.Projects", 20, StaffRoles));
        web.MapGet("/projects", ListProjects);
        web.MapGet("/projects/{projectId:guid}", Show);
        web.MapPost("/projects/{projectId:guid}/deadlines", SetDeadlines);
        web.MapPost("/projects/{projectId:guid}/documents", Import);
        web.MapPost("/projects/{projectId:guid}/versions", ImportVersion);
        web.MapGet("/projects/{projectId:guid}/documents/{documentId:guid}/{language}/balance", ShowBalance);
        web.MapPost("/projects/{projectId:guid}/documents/{documentId:guid}/{language}/balance", Assign);
        web.MapPost("/projects/{projectId:guid}/documents/{documentId:guid}/{language}/take-back", TakeBack);
        web.MapGet("/projects/{projectId:guid}/documents/{documentId:guid}/{language}/burn-down", ShowBurnDown);
        return web;
    }

    private static async Task<IResult> ListProjects(HttpContext http, PageContexts pages, TranslationDb db, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (StaffAccess.Problem(http) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var me = page.Me;
        var visible = ProjectAccess.IsAdmin(http.User) ? db.Projects.Select(p => p.Id) : db.ProjectStaff.Where(s => s.AccountId == me).Select(s => s.ProjectId);
        var projects = await db.Projects.AsNoTracking().Where(p => visible.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new ProjectsPage.ProjectCard(p.Id, p.Name, p.SourceLanguage, p.TargetLanguages, db.Documents.Count(d => d.ProjectId == p.Id)))
            .ToListAsync(cancellationToken);
        return WebResults.Render<ProjectsPage>(new { Page = page, Projects = projects });
    }

    private static async Task<IResult> Show(Guid projectId, string? notice, string[]? kind, string? language, HttpContext http, PageContexts pages,
        TranslationDb db, ProjectDashboard dashboard, IStringLocalizer<DashboardText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (http.Request.WantsPartial())
        {
            return await LiveFiguresAsync(page, http, db, projectId, dashboard, cancellationToken);
        }
        var query = ActivityQuery.Parse(kind, language, null, null, null);
        return query.Succeeded
            ? await RenderAsync(page, http, db, projectId, dashboard, Notice(notice, text), FormErrors.None, StatusCodes.Status200OK, cancellationToken, query.Value)
            : await RenderAsync(page, http, db, projectId, dashboard, null, new FormErrors().Add(null, query.Error.Detail), StatusCodes.Status400BadRequest,
                cancellationToken);
    }

    /// <summary>The heat table and the workload alone, for the open dashboard's script to swap in: as fresh as the progress rows.</summary>
    private static async Task<IResult> LiveFiguresAsync(PageContext page, HttpContext http, TranslationDb db, Guid projectId, ProjectDashboard dashboard,
        CancellationToken cancellationToken)
    {
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var view = await dashboard.ReadAsync(projectId, cancellationToken);
        return view.Succeeded ? WebResults.Fragment<LiveFigures>(page, new { View = view.Value }) : WebResults.Error(page, view.Error);
    }

    private static async Task<IResult> RenderAsync(PageContext page, HttpContext http, TranslationDb db, Guid projectId, ProjectDashboard dashboard, string? notice,
        FormErrors errors, int status, CancellationToken cancellationToken, ActivityQuery? activity = null, IReadOnlyDictionary<string, string>? typed = null)
    {
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var view = await dashboard.ReadAsync(projectId, cancellationToken);
        if (!view.Succeeded)
        {
            return WebResults.Error(page, view.Error);
        }
        activity ??= new ActivityQuery();
        var entries = await http.RequestServices.GetRequiredService<ActivityFeed>().ReadAsync(projectId, activity, cancellationToken);
        return WebResults.Render<DashboardPage>(new
        {
            Page = page, View = view.Value, Notice = notice, Errors = errors, Activity = entries.Succeeded ? entries.Value : [], ActivityQuery = activity,
            Typed = typed,
        }, status);
    }

    // Notices after a redirect come as a key, never as text from the address (which anyone could write).
    private static string? Notice(string? key, IStringLocalizer<DashboardText> text) => key switch
    {
        "deadline" => text["Dashboard.Notice.Deadline"].Value,
        "imported" => text["Dashboard.Notice.Imported"].Value,
        _ => null,
    };

    /// <summary>
    /// Every deadline field of the dashboard's form ("due-{documentId}-{language}"): the ones changed are set or moved
    /// together, all or none; an empty field leaves its deadline as it is.
    /// </summary>
    private static async Task<IResult> SetDeadlines(Guid projectId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db,
        ProjectDashboard dashboard, TimeProvider clock, IStringLocalizer<DashboardText> text, IStringLocalizer<ShellText> shell,
        CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var now = clock.GetUtcNow();
        var stored = await db.Deadlines.AsNoTracking().Where(d => db.Documents.Any(x => x.Id == d.DocumentId && x.ProjectId == projectId))
            .ToDictionaryAsync(d => $"due-{d.DocumentId}-{d.Language}", d => d.DueAt, cancellationToken);
        var typed = form.Keys.Where(k => k.StartsWith("due-", StringComparison.Ordinal) && k.Length > 41 && k[40] == '-')
            .ToDictionary(k => k, k => form[k].ToString().Trim(), StringComparer.Ordinal);
        var errors = new FormErrors();
        var changes = new List<(Guid Document, string Language, DateTimeOffset Due)>();
        foreach (var (field, value) in typed.Where(t => t.Value.Length > 0))
        {
            var due = LocalInput(value, page.TimeZone);
            if (due is not { } when || when <= now || !Guid.TryParse(field.AsSpan(4, 36), out var document))
            {
                errors.Add(field, text["Dashboard.Error.Due"]);
            }
            else if (!stored.TryGetValue(field, out var before) || Math.Abs((before - when).TotalMinutes) >= 1)
            {
                changes.Add((document, field[41..], when));
            }
        }
        if (!errors.Any && changes.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (document, language, due) in changes)
            {
                var set = await Domain.Deadlines.Deadlines.SetAsync(db, projectId, document, language, due, page.Me, now, cancellationToken);
                if (!set.Succeeded)
                {
                    errors.Add($"due-{document}-{language}", set.Error is InvalidInputError ? text["Dashboard.Error.Due"] : WebErrors.Describe(set.Error, shell));
                    break;
                }
            }
            if (!errors.Any)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        return errors.Any
            ? await RenderAsync(page, http, db, projectId, dashboard, null, errors, StatusCodes.Status400BadRequest, cancellationToken, typed: typed)
            : WebResults.SeeOther($"/projects/{projectId}?notice=deadline#deadlines");
    }

    /// <summary>A datetime-local value ("2026-12-15T17:00") read in the viewer's time zone; null when it is not one.</summary>
    public static DateTimeOffset? LocalInput(string? value, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(value?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(unspecified) ? null : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    private static async Task<IResult> Import(Guid projectId, IFormFile? file, HttpContext http, PageContexts pages, TranslationDb db, ProjectDashboard dashboard,
        DocumentImport import, IOptions<DocumentLimits> limits, IStringLocalizer<DashboardText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var content = await ReadUploadAsync(file, limits.Value, text, cancellationToken);
        if (!content.Succeeded)
        {
            return await RenderAsync(page, http, db, projectId, dashboard, null, new FormErrors().Add("upload-file", content.Error.Detail), StatusCodes.Status400BadRequest,
                cancellationToken);
        }
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var document = await import.ImportNewAsync(projectId, new DocumentUpload(file!.FileName, null, content.Value, UploadedBy: page.Me), cancellationToken);
        if (!document.Succeeded)
        {
            return await RenderAsync(page, http, db, projectId, dashboard, null, new FormErrors().Add("upload-file", document.Error.Detail),
                Problems.DomainErrorResults.StatusFor(document.Error), cancellationToken);
        }
        return WebResults.SeeOther($"/projects/{projectId}?notice=imported");
    }

    private static async Task<IResult> ImportVersion(Guid projectId, [FromForm] Guid? documentId, IFormFile? file, HttpContext http, PageContexts pages,
        TranslationDb db, ProjectDashboard dashboard, DocumentImport import, IOptions<DocumentLimits> limits,
        IStringLocalizer<DashboardText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var content = await ReadUploadAsync(file, limits.Value, text, cancellationToken);
        if (!content.Succeeded)
        {
            return await RenderAsync(page, http, db, projectId, dashboard, null, new FormErrors().Add("version-file", content.Error.Detail), StatusCodes.Status400BadRequest,
                cancellationToken);
        }
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var summary = await import.ImportVersionAsync(projectId, documentId ?? Guid.Empty, new DocumentUpload(file!.FileName, null, content.Value, UploadedBy: page.Me), cancellationToken);
        if (!summary.Succeeded)
        {
            return await RenderAsync(page, http, db, projectId, dashboard, null, new FormErrors().Add("version-file", summary.Error.Detail),
                Problems.DomainErrorResults.StatusFor(summary.Error), cancellationToken);
        }
        var s = summary.Value;
        var notice = text["Dashboard.Notice.Version", Formats.Number(s.Version, page), Formats.Number(s.Unchanged, page), Formats.Number(s.Changed, page),
            Formats.Number(s.Added, page), Formats.Number(s.Retired, page)];
        return await RenderAsync(page, http, db, projectId, dashboard, notice, FormErrors.None, StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<Result<byte[]>> ReadUploadAsync(IFormFile? file, DocumentLimits limits, IStringLocalizer<DashboardText> text,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return InvalidInputError.ForField("file", text["Dashboard.Error.NoFile"]);
        }
        if (file.Length > limits.MaxUploadBytes)
        {
            return InvalidInputError.ForField("file", text["Dashboard.Error.TooLarge", limits.MaxUploadBytes / 1_000_000]);
        }
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    private static async Task<IResult> ShowBalance(Guid projectId, Guid documentId, string language, string? assigned, string? skipped, string? takenBack,
        string? drafts, HttpContext http, PageContexts pages, TranslationDb db, WorkBalancer balancer, TimeProvider clock, IStringLocalizer<DashboardText> text,
        CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        // Notices after a redirect are built from numbers only, never from text in the address.
        string? notice = int.TryParse(assigned, out var a) && int.TryParse(skipped, out var s)
            ? text["Balance.Done", Formats.Number(a, page), Formats.Number(s, page)].Value
            : int.TryParse(takenBack, out var t) && int.TryParse(drafts, out var d)
                ? text["TakeBack.Done", Formats.Number(t, page), Formats.Number(d, page)].Value
                : null;
        return await RenderBalanceAsync(page, http, db, balancer, clock, projectId, documentId, language, notice, FormErrors.None, cancellationToken);
    }

    /// <summary>The burn-down chart of a document × language, from the history (<see cref="Domain.Deadlines.BurnDown"/>).</summary>
    private static async Task<IResult> ShowBurnDown(Guid projectId, Guid documentId, string language, HttpContext http, PageContexts pages, TranslationDb db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return WebResults.Error(page, found.Error);
        }
        var chart = await Domain.Deadlines.BurnDown.ReadAsync(db, found.Value, clock.GetUtcNow(), cancellationToken);
        return WebResults.Render<BurnDownPage>(new { Page = page, ProjectId = projectId, ProjectName = found.Value.Project.Name, Chart = chart });
    }

    /// <summary>A claim or review batch taken back from its volunteer, through <see cref="ClaimTakeBack"/> as the JSON API.</summary>
    private static async Task<IResult> TakeBack(Guid projectId, Guid documentId, string language, [FromForm] Guid? claimId, [FromForm] string? reason,
        HttpContext http, PageContexts pages, TranslationDb db, WorkBalancer balancer, ClaimTakeBack takeBack, TimeProvider clock,
        IStringLocalizer<DashboardText> text, IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var taken = await takeBack.TakeBackAsync(projectId, documentId, claimId ?? Guid.Empty, null, reason, page.Me, page.Viewer!.Name, cancellationToken);
        if (!taken.Succeeded)
        {
            var field = taken.Error is InvalidInputError ? $"reason-{claimId}" : null;
            return await RenderBalanceAsync(page, http, db, balancer, clock, projectId, documentId, language, null,
                new FormErrors().Add(field, taken.Error is InvalidInputError ? text["TakeBack.Error.Reason", ClaimTakeBack.MaxReasonLength] : WebErrors.Describe(taken.Error, shell)),
                cancellationToken, Problems.DomainErrorResults.StatusFor(taken.Error));
        }
        return WebResults.SeeOther($"/projects/{projectId}/documents/{documentId}/{language}/balance?takenBack={taken.Value.SegmentIds.Count}" +
            $"&drafts={taken.Value.DraftsKept}#in-progress");
    }

    private static async Task<IResult> RenderBalanceAsync(PageContext page, HttpContext http, TranslationDb db, WorkBalancer balancer, TimeProvider clock,
        Guid projectId, Guid documentId, string language, string? notice, FormErrors errors, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return WebResults.Error(page, found.Error);
        }
        var proposal = await balancer.ProposeAsync(projectId, documentId, found.Value.Language, cancellationToken);
        if (!proposal.Succeeded)
        {
            return WebResults.Error(page, proposal.Error);
        }
        var volunteers = await balancer.LoadVolunteersAsync(projectId, found.Value.Language, clock.GetUtcNow(), cancellationToken);
        var names = await AccountNames.ReadAsync(db, volunteers.Select(v => v.Id), cancellationToken);
        var candidates = volunteers.Select(v => new Candidate(v.Id, names.GetValueOrDefault(v.Id, ""), v.TranslatesInto.Contains(found.Value.Language),
                v.ReviewsIn.Contains(found.Value.Language)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        var heading = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(cancellationToken);
        var path = await db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Path).SingleAsync(cancellationToken);
        var inProgress = await http.RequestServices.GetRequiredService<ClaimTakeBack>().InProgressAsync(documentId, found.Value.Language, cancellationToken);
        return WebResults.Render<BalancePage>(new
        {
            Page = page,
            View = new BalanceView(projectId, heading, documentId, path, found.Value.Language, proposal.Value, candidates, notice, inProgress),
            Errors = errors,
        }, status);
    }

    /// <summary>The proposal applied whole, or the chosen batches given to the chosen people (with an optional batch deadline).</summary>
    private static async Task<IResult> Assign(Guid projectId, Guid documentId, string language, IFormCollection form, HttpContext http, PageContexts pages,
        TranslationDb db, WorkBalancer balancer, WorkAssignment assignment, TimeProvider clock, IStringLocalizer<DashboardText> text,
        IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var by = AssignedBy.Coordinator(page.Viewer!.Name);
        Result<IReadOnlyList<AssignedBatch>> done;
        if (form["all"] == "1")
        {
            done = await assignment.ApplyProposalAsync(projectId, documentId, language, by, cancellationToken);
        }
        else
        {
            DateTimeOffset? due = null;
            if (!string.IsNullOrWhiteSpace(form["dueAt"]))
            {
                due = LocalInput(form["dueAt"], page.TimeZone);
                if (due is null)
                {
                    return await RenderBalanceAsync(page, http, db, balancer, clock, projectId, documentId, language, null,
                        new FormErrors().Add("dueAt", text["Dashboard.Error.Due"]), cancellationToken, StatusCodes.Status400BadRequest);
                }
            }
            var proposal = await balancer.ProposeAsync(projectId, documentId, language, cancellationToken);
            if (!proposal.Succeeded)
            {
                return WebResults.Error(page, proposal.Error);
            }
            var chosen = form["batch"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToHashSet();
            var requests = new List<AssignmentRequest>();
            var errors = new FormErrors();
            foreach (var batch in proposal.Value.Where(b => chosen.Contains(b.BatchId)))
            {
                if (!Guid.TryParse(form[$"who-{batch.BatchId}"], out var who))
                {
                    errors.Add($"who-{batch.BatchId}", text["Balance.Error.NoOne"]);
                    continue;
                }
                requests.Add(new AssignmentRequest(who, batch.Kind, batch.SegmentIds, due));
            }
            if (chosen.Count > 0 && requests.Count + (errors.Any ? 1 : 0) == 0)
            {
                errors.Add(null, text["Balance.Error.Changed"]);
            }
            if (chosen.Count == 0)
            {
                errors.Add(null, text["Balance.Error.NoneChosen"]);
            }
            if (errors.Any)
            {
                return await RenderBalanceAsync(page, http, db, balancer, clock, projectId, documentId, language, null, errors, cancellationToken,
                    StatusCodes.Status400BadRequest);
            }
            done = await assignment.AssignAsync(projectId, documentId, language, by, requests, cancellationToken);
        }
        if (!done.Succeeded)
        {
            return await RenderBalanceAsync(page, http, db, balancer, clock, projectId, documentId, language, null,
                new FormErrors().Add(null, WebErrors.Describe(done.Error, shell)), cancellationToken, Problems.DomainErrorResults.StatusFor(done.Error));
        }
        return WebResults.SeeOther($"/projects/{projectId}/documents/{documentId}/{language}/balance?assigned={done.Value.Count(b => b.ClaimId is not null)}" +
            $"&skipped={done.Value.Sum(b => b.Skipped.Count)}");
    }
}
