using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Memory.Tmx;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Memory;

public sealed record ConcordanceResponse(Guid EntryId, string SourceLanguage, string TargetLanguage, ContentResponse Source, ContentResponse Translation,
    Guid ProjectId, Guid? DocumentId, DateTimeOffset At)
{
    public static ConcordanceResponse From(ConcordanceHit hit) => new(hit.EntryId, hit.SourceLanguage, hit.TargetLanguage, ContentResponse.From(hit.Source),
        ContentResponse.From(hit.Translation), hit.ProjectId, hit.DocumentId, hit.At);
}

/// <param name="InContextOnly">Fill only from in-context matches (same text, same segments around it); otherwise exact ones too.</param>
public sealed record PretranslationRequest(string? Language, bool? InContextOnly);

public static class MemoryApi
{
    public static IEndpointRouteBuilder MapMemory(this IEndpointRouteBuilder routes)
    {
        var memory = routes.MapGroup("/projects/{projectId}/memory").WithTags("Translation memory")
            .ProducesProblem(StatusCodes.Status404NotFound);
        memory.MapGet("/search", Search).WithName("SearchMemory")
            .WithDescription("Concordance: entries of this project's memory and the memories shared with it whose source (or, with in=target, translation) contains the phrase, newest first; paged.").ProducesValidationProblem();
        memory.MapGet("/tmx", Export).WithName("ExportMemory")
            .WithDescription("The project's translation memory for a language pair as TMX 1.4b, which OmegaT and other CAT tools read; staff of the project.").RequireAuthorization(Policies.ManageProjects);
        memory.MapPost("/tmx", Import).WithName("ImportMemory")
            .WithDescription("Entries from a TMX 1.4b file (OmegaT's project_save.tmx, for one) go into the project's memory; the answer says how many came in and which units were skipped and why; staff of the project.").RequireAuthorization(Policies.ManageProjects).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        routes.MapPost("/projects/{projectId}/documents/{documentId}/pretranslation", Pretranslate).WithTags("Translation memory")
            .WithName("Pretranslate").WithDescription("Fills untranslated segments of a document from 100 % and in-context memory matches (inContextOnly: only the latter); each filled one is marked as pre-translated in its history and still goes through review; staff of the project.").RequireAuthorization(Policies.ManageProjects).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        return routes;
    }

    /// <summary>
    /// Concordance: memory entries (this project's and those shared with it) whose source, or translation with in=target,
    /// contains a phrase, newest first.
    /// </summary>
    /// <param name="language">The target language of the entries.</param>
    /// <param name="q">The phrase, two characters or more.</param>
    /// <param name="side">Query parameter "in": source (default) or target.</param>
    internal static async Task<Results<Ok<Paged<ConcordanceResponse>>, ProblemHttpResult>> Search(
        Guid projectId, string? language, string? q, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "in")] string? side, [AsParameters] PageRequest paging,
        TranslationDb db, TranslationMemory memory, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var errors = new ValidationErrors();
        if (!LanguageTag.TryNormalize(language, out var target, out _) || !project.TranslatesInto(target))
        {
            errors.Add("language", $"language is one of the project's target languages: {string.Join(", ", project.TargetLanguages)}.");
        }
        if ((q?.Trim().Length ?? 0) is < 2 or > 200)
        {
            errors.Add("q", "q is the phrase to look for, 2 to 200 characters.");
        }
        if (side is not (null or "source" or "target"))
        {
            errors.Add("in", $"in is 'source' or 'target', not '{side}'.");
        }
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        if (errors.Any)
        {
            return errors.ToError("Invalid search").ToProblem();
        }
        var projects = await MemoryStore.ProjectsReadByAsync(db, projectId, SharedResource.Memory, cancellationToken);
        var hits = await memory.ConcordanceAsync(projects, project.SourceLanguage, target, q!.Trim(), side == "target", paging.Skip, paging.Size + 1, cancellationToken);
        // One more than a page tells whether another page follows, without counting every match.
        var total = paging.Skip + hits.Count;
        return TypedResults.Ok(new Paged<ConcordanceResponse>([.. hits.Take(paging.Size).Select(ConcordanceResponse.From)], paging.Number, paging.Size, total));
    }

    /// <summary>The project's own translation memory as TMX 1.4b (one target language, or all), for OmegaT and other CAT tools.</summary>
    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        Guid projectId, string? language, TranslationDb db, TmxExchange tmx, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        string? target = null;
        if (language is not null && (!LanguageTag.TryNormalize(language, out target, out _) || !project.TranslatesInto(target)))
        {
            return new NotATargetLanguage(language, project.TargetLanguages).ToProblem();
        }
        return TypedResults.Stream(async body =>
        {
            await using var buffer = new FileBufferingWriteStream();
            await tmx.ExportAsync(project, target, buffer, cancellationToken);
            await buffer.DrainBufferAsync(body, cancellationToken);
        }, "application/x-tmx+xml", $"memory.{target ?? "all"}.tmx");
    }

    /// <summary>
    /// Import a TMX file (1.4b, or OmegaT's project_save.tmx) into the project's memory: units in the project's source language with
    /// variants in its target languages; the same pair again refreshes its entry. A file that cannot be read imports nothing.
    /// </summary>
    internal static async Task<Results<Ok<TmxImportReport>, ProblemHttpResult>> Import(
        Guid projectId, IFormFile file, TranslationDb db, TmxExchange tmx, IOptions<DocumentLimits> limits, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        if (file.Length > limits.Value.MaxUploadBytes)
        {
            return new UploadTooLarge(file.Length, limits.Value.MaxUploadBytes).ToProblem();
        }
        await using var content = file.OpenReadStream();
        var report = await tmx.ImportAsync(project, content, cancellationToken);
        return report.Succeeded ? TypedResults.Ok(report.Value) : report.Error.ToProblem();
    }

    /// <summary>
    /// Pre-translate a document × language from the memory: untranslated segments get their in-context or 100% match (codes mapped
    /// without loss), marked as pre-translated in the history, and wait for review. Progress is recounted by the Worker.
    /// </summary>
    internal static async Task<Results<Ok<PretranslationReport>, ProblemHttpResult>> Pretranslate(
        Guid projectId, Guid documentId, PretranslationRequest request, ClaimsPrincipal caller, TranslationDb db, Pretranslation pretranslation,
        IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, request.Language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var report = await pretranslation.RunAsync(found.Value, caller.AccountId(), request.InContextOnly ?? false, cancellationToken);
        if (report.Filled > 0)
        {
            jobs.Enqueue<IRecountDocumentProgress>(job => job.RunAsync(documentId, CancellationToken.None));
        }
        return TypedResults.Ok(report);
    }
}
