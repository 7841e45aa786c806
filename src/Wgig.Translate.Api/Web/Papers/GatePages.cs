using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wgig.Translate.Api.Web.People;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Papers;

/// <summary>
/// The secretariat's publish gate: each paper's readiness per language, its sign-off, publishing all or some
/// languages, and the publication history. Sign-off and publication go through <see cref="PublishGate"/>, as the JSON API.
/// </summary>
public static class GatePages
{
    public static RouteGroupBuilder MapGatePages(this RouteGroupBuilder web)
    {
        web.MapGet("/projects/{projectId:guid}/papers", Show);
        web.MapPost("/projects/{projectId:guid}/papers/{documentId:guid}/sign-off", SignOff);
        web.MapPost("/projects/{projectId:guid}/publications", Publish);
        return web;
    }

    private static async Task<IResult> Show(Guid projectId, string? notice, HttpContext http, PageContexts pages, TranslationDb db,
        IStringLocalizer<PapersText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var message = notice switch
        {
            "signed-off" => text["Gate.Notice.SignedOff"].Value,
            "requested" => text["Gate.Notice.Requested"].Value,
            _ => null,
        };
        return await RenderAsync(page, http, db, projectId, message, FormErrors.None, StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> RenderAsync(PageContext page, HttpContext http, TranslationDb db, Guid projectId, string? notice, FormErrors errors,
        int status, CancellationToken cancellationToken)
    {
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, cancellationToken);
        var papers = await PublishGate.ForAsync(db, project, null, cancellationToken);
        var connection = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        var publications = await db.Publications.AsNoTracking().Where(p => p.ProjectId == projectId).OrderByDescending(p => p.Number).Take(50)
            .ToListAsync(cancellationToken);
        var names = await AccountNames.ReadAsync(db, papers.Select(p => p.SignedOffBy).Concat(publications.Select(p => (Guid?)p.RequestedBy)), cancellationToken);
        var rows = publications.Select(p => new PublicationRow(p, names.GetValueOrDefault(p.RequestedBy, ""), GateView.CommitUrl(connection, p.CommitSha))).ToList();
        var view = new GateView(projectId, project.Name, project.TargetLanguages, papers, names, rows, connection is not null, StaffAccess.MayPublish(http), notice);
        return WebResults.Render<GatePage>(new { Page = page, View = view, Errors = errors }, status);
    }

    private static async Task<IResult> SignOff(Guid projectId, Guid documentId, HttpContext http, PageContexts pages, TranslationDb db, TimeProvider clock,
        IStringLocalizer<ShellText> shell, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await PublisherProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var signed = await PublishGate.SignOffAsync(db, projectId, documentId, page.Me, clock.GetUtcNow(), cancellationToken);
        return signed.Succeeded
            ? WebResults.SeeOther($"/projects/{projectId}/papers?notice=signed-off#paper-{documentId}")
            : await RenderAsync(page, http, db, projectId, null, new FormErrors().Add(null, WebErrors.Describe(signed.Error, shell)),
                Problems.DomainErrorResults.StatusFor(signed.Error), cancellationToken);
    }

    // Signing off and publishing: the secretariat or an admin, staff of the project.
    private static async Task<Domain.Common.DomainError?> PublisherProblemAsync(TranslationDb db, HttpContext http, Guid projectId) =>
        await StaffAccess.ProjectProblemAsync(db, http, projectId) ?? (StaffAccess.MayPublish(http) ? null : new StaffAccess.NotPublisher());

    /// <summary>The chosen papers in the chosen languages; fewer languages than the project's is an explicit subset.</summary>
    private static async Task<IResult> Publish(Guid projectId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db,
        IBackgroundJobClient jobs, TimeProvider clock, IStringLocalizer<ShellText> shell, IStringLocalizer<PapersText> text, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await PublisherProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var languages = form["language"].OfType<string>().ToList();
        var documents = form["documentId"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList();
        if (languages.Count == 0 || documents.Count == 0)
        {
            return await RenderAsync(page, http, db, projectId, null, new FormErrors().Add(null, text["Gate.Error.Choose"]), StatusCodes.Status400BadRequest,
                cancellationToken);
        }
        var targets = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.TargetLanguages).SingleOrDefaultAsync(cancellationToken) ?? [];
        var subset = !targets.All(languages.Contains);
        var requested = await PublishGate.RequestAsync(db, projectId, languages, documents, subset, page.Me, clock.GetUtcNow(), cancellationToken);
        if (!requested.Succeeded)
        {
            return await RenderAsync(page, http, db, projectId, null, new FormErrors().Add(null, WebErrors.Describe(requested.Error, shell)),
                Problems.DomainErrorResults.StatusFor(requested.Error), cancellationToken);
        }
        var publication = requested.Value;
        jobs.Enqueue<IPublishTranslations>(job => job.RunAsync(publication.Id, CancellationToken.None));
        return WebResults.SeeOther($"/projects/{projectId}/papers?notice=requested#history");
    }
}
