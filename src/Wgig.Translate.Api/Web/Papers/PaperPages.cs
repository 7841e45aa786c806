using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Papers;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Papers;

/// <summary>The multilingual paper for anyone in the project: the read of GET …/paper/blocks, as a page that prints well.</summary>
public static class PaperPages
{
    public static RouteGroupBuilder MapPaperPages(this RouteGroupBuilder web)
    {
        web.MapGet("/projects/{projectId:guid}/documents/{documentId:guid}/paper", Show);
        return web;
    }

    private static async Task<IResult> Show(Guid projectId, Guid documentId, string[]? show, HttpContext http, PageContexts pages, TranslationDb db,
        CancellationToken cancellationToken)
    {
        var page = await pages.ForAsync(http);
        if (await WebAccess.ProjectProblemAsync(db, http, projectId) is { } hidden)
        {
            return WebResults.Error(page, hidden);
        }
        var paper = await MultilingualPaper.ReadAsync(db, projectId, documentId, cancellationToken);
        return paper.Succeeded
            ? WebResults.Render<PaperPage>(new { Page = page, Paper = paper.Value, Chosen = (IReadOnlyList<string>)(show ?? []) })
            : WebResults.Error(page, paper.Error);
    }
}
