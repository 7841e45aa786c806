using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Papers;

/// <summary>The publish gate per paper, the secretariat's sign-off, and the multilingual paper as people read it.</summary>
public static class PapersApi
{
    public static IEndpointRouteBuilder MapPapers(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/projects/{projectId}/papers", Gates).WithTags("Papers").WithName("ListPaperGates").ProducesProblem(StatusCodes.Status404NotFound);
        var paper = routes.MapGroup("/projects/{projectId}/documents/{documentId}").WithTags("Papers").ProducesProblem(StatusCodes.Status404NotFound);
        paper.MapPost("/sign-off", SignOff).WithName("SignOffPaper").RequireAuthorization(Policies.Publish).ProducesProblem(StatusCodes.Status409Conflict);
        paper.MapGet("/paper", View).WithName("ViewPaper");
        paper.MapGet("/paper/blocks", Blocks).WithName("PaperBlocks");
        return routes;
    }

    /// <summary>Each paper's state before publication: per required language the approved share, translations awaiting review and the deadline forecast, and the sign-off.</summary>
    /// <remarks>
    /// Counts are exact at the moment of the answer.
    /// </remarks>
    internal static async Task<Results<Ok<IReadOnlyList<PaperGate>>, ProblemHttpResult>> Gates(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        return project is null ? new ProjectNotFound(projectId).ToProblem() : TypedResults.Ok(await PublishGate.ForAsync(db, project, null, cancellationToken));
    }

    /// <summary>The secretariat signs the paper off for publication.</summary>
    /// <remarks>
    /// Secretariat and admins; the paper's current version, once every required language is approved in full. A later version voids the
    /// sign-off only if its text changed (the secretariat is told); an identical upload or a formatting change keeps it.
    /// </remarks>
    internal static async Task<Results<Ok<PaperGate>, ProblemHttpResult>> SignOff(Guid projectId, Guid documentId, ClaimsPrincipal caller, TranslationDb db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var signed = await PublishGate.SignOffAsync(db, projectId, documentId, caller.AccountId(), clock.GetUtcNow(), cancellationToken);
        return signed.Succeeded ? TypedResults.Ok(signed.Value) : signed.Error.ToProblem();
    }

    /// <summary>The paper block by block with the labels the source prints and every language approved in full.</summary>
    /// <remarks>
    /// Each block carries the number or label the source prints ("17.", "(a)") and its approved translation in every language approved
    /// in full: the multilingual paper page's data.
    /// </remarks>
    internal static async Task<Results<Ok<Domain.Papers.MultilingualPaperView>, ProblemHttpResult>> Blocks(Guid projectId, Guid documentId, TranslationDb db,
        CancellationToken cancellationToken)
    {
        var paper = await Domain.Papers.MultilingualPaper.ReadAsync(db, projectId, documentId, cancellationToken);
        return paper.Succeeded ? TypedResults.Ok(paper.Value) : paper.Error.ToProblem();
    }

    /// <summary>The paper in every language it is approved in, beside the source block by block.</summary>
    /// <remarks>
    /// HTML, from the same reading as the multilingual paper page: the numbers and labels the source prints ("17.", "(a)") beside each block, each language marked with its lang and written right to left where the language is; links
    /// download each language's file.
    /// </remarks>
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> View(Guid projectId, Guid documentId, TranslationDb db,
        CancellationToken cancellationToken)
    {
        var read = await Domain.Papers.MultilingualPaper.ReadAsync(db, projectId, documentId, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error.ToProblem();
        }
        var paper = read.Value;
        var complete = paper.Languages.Where(l => l.Complete).Select(l => l.Language).ToList();

        var html = new StringBuilder();
        string E(string text) => WebUtility.HtmlEncode(text);
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="{{paper.SourceLanguage}}"><head><meta charset="utf-8"><title>{{E(paper.Path)}}</title>
            <style>body{font-family:system-ui,sans-serif;margin:1rem}nav a{margin-right:1rem}table{border-collapse:collapse;width:100%;margin-bottom:2rem}
            td,th{vertical-align:top;padding:.4rem;border-bottom:1px solid #ddd;text-align:start}td.n{color:#666;width:3rem}</style></head><body>
            <h1>{{E(paper.Path)}}</h1>
            <nav aria-label="Languages">
            """);
        if (complete.Count == 0)
        {
            html.Append("<p>No language is approved in full yet.</p>");
        }
        foreach (var language in complete)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<a href=\"#{language}\" hreflang=\"{language}\">{language}</a> (<a href=\"/api/projects/{projectId}/documents/{documentId}/export?language={language}&approvedOnly=true\" download>download</a>) ");
        }
        html.Append("</nav>\n");
        foreach (var language in complete)
        {
            var direction = Writing.Of(language).Direction;
            html.Append(CultureInfo.InvariantCulture, $"<table id=\"{language}\"><thead><tr><th>¶</th><th lang=\"{paper.SourceLanguage}\">{paper.SourceLanguage}</th>" +
                $"<th lang=\"{language}\" dir=\"{direction}\">{language}</th></tr></thead><tbody>\n");
            foreach (var block in paper.Blocks)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"n\">{E(block.Label ?? "")}</td><td lang=\"{paper.SourceLanguage}\">{E(block.Source)}</td>" +
                    $"<td lang=\"{language}\" dir=\"{direction}\">{E(block.Translations[language])}</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        html.Append("</body></html>\n");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
