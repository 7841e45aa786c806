using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.People;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.People;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.People;

/// <summary>
/// The people directory for staff, per project and for the whole instance, with each person's rights granted and
/// taken away from their row, and volunteers paused and resumed there. Reads and writes go through the same Domain
/// services as the JSON API (<see cref="PeopleDirectory"/>, <see cref="MemberRights"/>, the profile's pause).
/// </summary>
public static class PeoplePages
{
    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Coordinator, Roles.Secretariat];

    public static RouteGroupBuilder MapPeoplePages(this RouteGroupBuilder web, WebNavigation navigation)
    {
        navigation.Add(new NavigationItem("/people", "Nav.People", 30, StaffRoles));
        web.MapGet("/people", (string? q, string? language, string? role, string? status, int? page, string? saved, HttpContext http, PageContexts pages,
            TranslationDb db, PeopleDirectory people, CancellationToken ct) => ShowAsync(null, q, language, role, status, page, saved, http, pages, db, people, ct));
        web.MapGet("/projects/{projectId:guid}/people", (Guid projectId, string? q, string? language, string? role, string? status, int? page, string? saved,
            HttpContext http, PageContexts pages, TranslationDb db, PeopleDirectory people, CancellationToken ct) =>
            ShowAsync(projectId, q, language, role, status, page, saved, http, pages, db, people, ct));
        web.MapPost("/projects/{projectId:guid}/people/{accountId:guid}/rights", SetRights);
        web.MapPost("/people/{accountId:guid}/pause", Pause);
        web.MapPost("/people/{accountId:guid}/resume", Resume);
        return web;
    }

    private static async Task<IResult> ShowAsync(Guid? projectId, string? q, string? language, string? role, string? status, int? number, string? saved,
        HttpContext http, PageContexts pages, TranslationDb db, PeopleDirectory people, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var refused = projectId is { } id ? await StaffAccess.ProjectProblemAsync(db, http, id) : StaffAccess.Problem(http);
        if (refused is not null)
        {
            return WebResults.Error(page, refused);
        }
        var project = projectId is { } p
            ? await db.Projects.AsNoTracking().Where(x => x.Id == p).Select(x => new ProjectHeading(x.Id, x.Name, x.TargetLanguages)).SingleAsync(cancellationToken)
            : null;
        var choices = project?.TargetLanguages ?? await db.Projects.AsNoTracking().SelectMany(x => x.TargetLanguages).Distinct().OrderBy(l => l).ToListAsync(cancellationToken);
        var query = PeopleQuery.Parse(projectId, q, language, role, status, number, null);
        if (!query.Succeeded)
        {
            var empty = new PeoplePage([], 1, PeopleQuery.MaxPageSize, 0);
            return WebResults.Render<PeopleDirectoryPage>(new { Page = page, View = new PeopleView(project, q, language, role, status, empty, choices), Error = query.Error },
                StatusCodes.Status400BadRequest);
        }
        var found = await people.ReadAsync(query.Value, PeopleScope.For(db, http.User), cancellationToken);
        return WebResults.Render<PeopleDirectoryPage>(new { Page = page, View = new PeopleView(project, q, language, role, status, found, choices, saved) });
    }

    /// <summary>The rights of one person in every target language of the project, from the checkboxes of their row.</summary>
    private static async Task<IResult> SetRights(Guid projectId, Guid accountId, IFormCollection form, HttpContext http, PageContexts pages, TranslationDb db,
        MemberRights rights, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await StaffAccess.ProjectProblemAsync(db, http, projectId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var back = WebResults.LocalOr(form["returnUrl"], $"/projects/{projectId}/people");
        var held = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId && m.AccountId == accountId)
            .ToDictionaryAsync(m => m.Language, cancellationToken);
        foreach (var language in form["language"].OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var translate = form[$"translate-{language}"].Count > 0;
            var review = form[$"review-{language}"].Count > 0;
            if (held.TryGetValue(language, out var now) ? now.CanTranslate == translate && now.CanReview == review : !translate && !review)
            {
                continue;
            }
            var set = await rights.SetAsync(projectId, accountId, language, translate, review, page.Me, cancellationToken);
            if (!set.Succeeded)
            {
                return WebResults.Render<ErrorPage>(new { Page = page, Error = set.Error, BackUrl = back }, Problems.DomainErrorResults.StatusFor(set.Error));
            }
        }
        return WebResults.SeeOther(WithSaved(back, accountId));
    }

    private static async Task<IResult> Pause(Guid accountId, [FromForm] string? reason, [FromForm] string? returnUrl, HttpContext http, PageContexts pages,
        TranslationDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ChangeProfileAsync(accountId, returnUrl, http, pages, db, clock, profile => profile.Pause(reason, clock.GetUtcNow()), cancellationToken);

    private static async Task<IResult> Resume(Guid accountId, [FromForm] string? returnUrl, HttpContext http, PageContexts pages, TranslationDb db,
        TimeProvider clock, CancellationToken cancellationToken) =>
        await ChangeProfileAsync(accountId, returnUrl, http, pages, db, clock, profile =>
        {
            profile.Resume(clock.GetUtcNow());
            return null;
        }, cancellationToken);

    private static async Task<IResult> ChangeProfileAsync(Guid accountId, string? returnUrl, HttpContext http, PageContexts pages, TranslationDb db,
        TimeProvider clock, Func<VolunteerProfile, Domain.Common.DomainError?> change, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var back = WebResults.LocalOr(returnUrl, "/people");
        if (await StaffAccess.AccountProblemAsync(db, http, accountId) is { } refused)
        {
            return WebResults.Error(page, refused);
        }
        var profile = await VolunteerProfiles.ForChangeAsync(db, accountId, clock.GetUtcNow(), cancellationToken);
        var error = profile.Succeeded ? change(profile.Value) : profile.Error;
        if (error is not null)
        {
            return WebResults.Render<ErrorPage>(new { Page = page, Error = error, BackUrl = back }, Problems.DomainErrorResults.StatusFor(error));
        }
        await db.SaveChangesAsync(cancellationToken);
        return WebResults.SeeOther(WithSaved(back, accountId));
    }

    // Back to the row that changed, which says so.
    private static string WithSaved(string back, Guid accountId)
    {
        var path = back.Split('#')[0];
        return $"{path}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}saved={accountId}#person-{accountId}";
    }
}
