using Microsoft.AspNetCore.Mvc;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Work;

namespace Wgig.Translate.Api.Web.Work;

/// <summary>My work and the actions on claims it offers (also used by the editor and the review page).</summary>
public static class WorkPages
{
    public static RouteGroupBuilder MapWorkPages(this RouteGroupBuilder web, WebNavigation navigation)
    {
        navigation.Add(new NavigationItem("/", "Nav.MyWork", 10));
        navigation.Add(new NavigationItem("/notifications", "Nav.Notifications", 80));
        web.MapNotificationPages();
        web.MapPost("/projects/{projectId:guid}/{language}/claims", ClaimInProject);
        var document = web.MapGroup("/projects/{projectId:guid}/documents/{documentId:guid}/{language}");
        document.MapPost("/claims", ClaimInDocument);
        document.MapPost("/claims/{claimId:guid}/renew", Renew);
        document.MapPost("/claims/{claimId:guid}/release", Release);
        document.MapPost("/review/claims", ClaimReviewBatch);
        document.MapPost("/review/claims/{claimId:guid}/release", ReleaseReviewBatch);
        return web;
    }

    public static string EditorUrl(Guid projectId, Guid documentId, string language) => $"/projects/{projectId}/documents/{documentId}/{language}";

    public static string ReviewUrl(Guid projectId, Guid documentId, string language) => $"{EditorUrl(projectId, documentId, language)}/review";

    /// <summary>The next batch anywhere in the project in this language, then straight to it in the editor.</summary>
    private static async Task<IResult> ClaimInProject(Guid projectId, string language, HttpContext http, PageContexts pages, ClaimNext claims,
        MyWork work, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var batch = await claims.ClaimInProjectAsync(page.Me, projectId, language, null, cancellationToken);
        return batch.Succeeded
            ? WebResults.SeeOther($"{EditorUrl(projectId, batch.Value.DocumentId, batch.Value.Language)}?filter=Mine")
            : await BackToMyWorkAsync(page, batch.Error, work, clock, cancellationToken);
    }

    /// <summary>The next batch of this document (one's own lapsed segments first), or one chosen segment (a translation sent back to its translator).</summary>
    private static async Task<IResult> ClaimInDocument(Guid projectId, Guid documentId, string language, [FromForm] Guid? segmentId,
        [FromForm] string? returnUrl, HttpContext http, PageContexts pages, TranslationDb db, ClaimNext claims, MyWork work, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var checkedRight = await DocumentLanguage.FindForWithProfileAsync(db, projectId, documentId, language, page.Me, LanguageRight.Translate,
            cancellationToken);
        if (!checkedRight.Succeeded)
        {
            return await FailAsync(page, checkedRight.Error, returnUrl, work, clock, cancellationToken);
        }
        var (target, profile) = checkedRight.Value;
        // Claiming again after a lease ran out takes back one's own lapsed segments (and their drafts) before new ones.
        var lapsed = segmentId is null ? await claims.LapsedAsync(page.Me, target, cancellationToken) : [];
        var batch = segmentId is { } chosen ? await claims.ClaimChosenAsync(page.Me, target, profile, [chosen], null, cancellationToken)
            : lapsed.Count > 0 ? await claims.ClaimChosenAsync(page.Me, target, profile, lapsed, null, cancellationToken)
            : await claims.ClaimAsync(page.Me, target, profile, null, cancellationToken);
        if (!batch.Succeeded)
        {
            return await FailAsync(page, batch.Error, returnUrl, work, clock, cancellationToken);
        }
        var editor = EditorUrl(projectId, documentId, target.Language);
        return WebResults.SeeOther(segmentId is { } one ? $"{editor}?segment={one}#s-{one}" : $"{editor}?filter=Mine");
    }

    private static async Task<IResult> Renew(Guid projectId, Guid documentId, string language, Guid claimId, [FromForm] string? returnUrl, HttpContext http,
        PageContexts pages, ClaimLeases leases, MyWork work, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var renewed = await leases.RenewAsync(projectId, documentId, claimId, page.Me, cancellationToken);
        if (!renewed.Succeeded)
        {
            return await FailAsync(page, renewed.Error, returnUrl, work, clock, cancellationToken);
        }
        if (http.Request.WantsPartial())
        {
            http.Response.Headers["Wgig-Lease-Expires"] = Formats.Iso(renewed.Value.ExpiresAt);
            return Results.NoContent();
        }
        return WebResults.SeeOther(WebResults.LocalOr(returnUrl, "/"));
    }

    private static async Task<IResult> Release(Guid projectId, Guid documentId, string language, Guid claimId, [FromForm] string? returnUrl, HttpContext http,
        PageContexts pages, ClaimLeases leases, MyWork work, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var released = await leases.ReleaseAsync(documentId, claimId, page.Me, cancellationToken);
        return released.Succeeded
            ? WebResults.SeeOther(WebResults.LocalOr(returnUrl, "/"))
            : await FailAsync(page, released.Error, returnUrl, work, clock, cancellationToken);
    }

    private static async Task<IResult> ClaimReviewBatch(Guid projectId, Guid documentId, string language, [FromForm] string? returnUrl, HttpContext http,
        PageContexts pages, TranslationDb db, ReviewNext reviews, MyWork work, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var found = await DocumentLanguage.FindForAsync(db, projectId, documentId, language, page.Me, LanguageRight.Review, cancellationToken);
        if (!found.Succeeded)
        {
            return await FailAsync(page, found.Error, returnUrl, work, clock, cancellationToken);
        }
        var batch = await reviews.ClaimAsync(page.Me, documentId, found.Value.Language, null, cancellationToken);
        return batch.Succeeded
            ? WebResults.SeeOther(ReviewUrl(projectId, documentId, found.Value.Language))
            : await FailAsync(page, batch.Error, returnUrl, work, clock, cancellationToken);
    }

    private static async Task<IResult> ReleaseReviewBatch(Guid projectId, Guid documentId, string language, Guid claimId, [FromForm] string? returnUrl,
        HttpContext http, PageContexts pages, ClaimLeases leases, MyWork work, TimeProvider clock, CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        var released = await leases.ReleaseReviewAsync(documentId, claimId, page.Me, cancellationToken);
        return released.Succeeded
            ? WebResults.SeeOther(WebResults.LocalOr(returnUrl, "/"))
            : await FailAsync(page, released.Error, returnUrl, work, clock, cancellationToken);
    }

    // A refusal from My work is shown on My work, in its error summary; from elsewhere, on an error page leading back.
    private static async Task<IResult> FailAsync(PageContext page, DomainError error, string? returnUrl, MyWork work, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var back = WebResults.LocalOr(returnUrl, "/");
        return back == "/"
            ? await BackToMyWorkAsync(page, error, work, clock, cancellationToken)
            : WebResults.Render<ErrorPage>(new { Page = page, Error = error, BackUrl = back }, Problems.DomainErrorResults.StatusFor(error));
    }

    private static async Task<IResult> BackToMyWorkAsync(PageContext page, DomainError error, MyWork work, TimeProvider clock, CancellationToken cancellationToken) =>
        WebResults.Render<MyWorkPage>(new { Page = page, Work = await work.ReadAsync(page.Me, cancellationToken), Now = clock.GetUtcNow(), Error = error },
            Problems.DomainErrorResults.StatusFor(error));
}
