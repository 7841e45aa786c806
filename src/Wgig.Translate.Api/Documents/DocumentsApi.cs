using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Api.Security;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Common;
using System.Security.Claims;

using Wgig.Translate.Domain.Credits;

namespace Wgig.Translate.Api.Documents;

public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder routes)
    {
        var documents = routes.MapGroup("/projects/{projectId}/documents").WithTags("Documents")
            .ProducesProblem(StatusCodes.Status404NotFound);
        documents.MapPost("/", Upload).WithName("UploadDocument").RequireAuthorization(Policies.ManageProjects).RequireRateLimiting(RateLimits.Heavy)
            .DisableAntiforgery() // an API for scripts and CAT tools; browser sessions get their own guard with the web UI
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        documents.MapGet("/", List).WithName("ListDocuments").ProducesValidationProblem();
        documents.MapGet("/{documentId}", Get).WithName("GetDocument");
        documents.MapPost("/{documentId}/versions", UploadVersion).WithName("UploadDocumentVersion").RequireAuthorization(Policies.ManageProjects)
            .RequireRateLimiting(RateLimits.Heavy)
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        documents.MapGet("/{documentId}/segments", ListSegments).WithName("ListSegments").ProducesValidationProblem();
        documents.MapGet("/{documentId}/export", Export).WithName("ExportDocument").RequireRateLimiting(RateLimits.Heavy).ProducesValidationProblem();
        documents.MapGet("/{documentId}/credits", Credits).WithName("ContributorCredits").ProducesValidationProblem();
        documents.MapPost("/{documentId}/progress/recount", Recount).WithName("RecountProgress").RequireAuthorization(Policies.ManageProjects);
        return routes;
    }

    /// <summary>Upload a new document (UTF-8 plain text or Markdown) as multipart form data.</summary>
    /// <param name="file">The document; its name becomes the document's path.</param>
    /// <param name="format">"Markdown" or "PlainText", where the file name's ending does not say.</param>
    /// <param name="unstorableCharacters">
    /// "refuse" (the default): a file holding a character storage or XML cannot hold (a control character, U+FFFE, U+FFFF)
    /// is a 400 naming the first one; "replace": each is replaced with U+FFFD and listed in the answer's "replaced".
    /// </param>
    private static async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> Upload(
        Guid projectId, IFormFile file, [FromForm] string? format, [FromForm] string? unstorableCharacters, DocumentImport import,
        IBackgroundJobClient jobs, IOptions<DocumentLimits> limits, TranslationDb db, CancellationToken cancellationToken)
    {
        // Checked before reading, so an oversize upload is never held in memory.
        if (file.Length > limits.Value.MaxUploadBytes)
        {
            return new UploadTooLarge(file.Length, limits.Value.MaxUploadBytes).ToProblem();
        }
        var unstorable = UnstorableCharactersOption.Parse(unstorableCharacters);
        if (!unstorable.Succeeded)
        {
            return unstorable.Error.ToProblem();
        }
        var document = await import.ImportNewAsync(projectId,
            new DocumentUpload(file.FileName, format, await ReadAsync(file, cancellationToken), Unstorable: unstorable.Value), cancellationToken);
        if (!document.Succeeded)
        {
            return document.Error.ToProblem();
        }
        jobs.Enqueue<IRecountDocumentProgress>(job => job.RunAsync(document.Value.Id, CancellationToken.None));
        var targetLanguages = await db.Projects.Where(p => p.Id == projectId).Select(p => p.TargetLanguages).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/projects/{projectId}/documents/{document.Value.Id}",
            ToResponse(document.Value, document.Value.Versions, targetLanguages, []) with { Replaced = document.Value.Replaced });
    }

    /// <summary>Upload a new version of the document's source, in the document's format.</summary>
    /// <remarks>
    /// Unchanged segments keep their translations and review state; edited segments keep their key and old
    /// translation, marked as needing an update, and show their previous source; new segments start
    /// untranslated; segments no longer in the source are retired, never deleted.
    /// </remarks>
    /// <param name="unstorableCharacters">As for a new document: "refuse" (the default) or "replace".</param>
    private static async Task<Results<Ok<SourceUpdateResponse>, ProblemHttpResult>> UploadVersion(
        Guid projectId, Guid documentId, IFormFile file, [FromForm] string? unstorableCharacters, DocumentImport import,
        IBackgroundJobClient jobs, IOptions<DocumentLimits> limits, CancellationToken cancellationToken)
    {
        if (file.Length > limits.Value.MaxUploadBytes)
        {
            return new UploadTooLarge(file.Length, limits.Value.MaxUploadBytes).ToProblem();
        }
        var unstorable = UnstorableCharactersOption.Parse(unstorableCharacters);
        if (!unstorable.Succeeded)
        {
            return unstorable.Error.ToProblem();
        }
        var summary = await import.ImportVersionAsync(projectId, documentId,
            new DocumentUpload(file.FileName, null, await ReadAsync(file, cancellationToken), Unstorable: unstorable.Value), cancellationToken);
        if (!summary.Succeeded)
        {
            return summary.Error.ToProblem();
        }
        jobs.Enqueue<IRecountDocumentProgress>(job => job.RunAsync(documentId, CancellationToken.None));
        return TypedResults.Ok(SourceUpdateResponse.From(summary.Value));
    }

    /// <summary>The document rebuilt in its own format with the translations into one language.</summary>
    /// <remarks>
    /// Segments without a usable translation are written in the source language; the response headers
    /// Wgig-Translated-Segments and Wgig-Source-Segments say how many of each.
    /// </remarks>
    /// <param name="language">A target language of the project.</param>
    /// <param name="approvedOnly">Use approved translations only (default: translated and approved).</param>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        Guid projectId, Guid documentId, string? language, bool? approvedOnly, DocumentExport export,
        HttpContext http, CancellationToken cancellationToken)
    {
        var exported = await export.ExportAsync(projectId, documentId, language, approvedOnly ?? false, cancellationToken);
        if (!exported.Succeeded)
        {
            return exported.Error.ToProblem();
        }
        http.Response.Headers["Wgig-Translated-Segments"] = exported.Value.TranslatedSegments.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["Wgig-Source-Segments"] = exported.Value.SourceSegments.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(exported.Value.Content, exported.Value.MediaType, exported.Value.FileName);
    }

    /// <summary>Everyone who translated or reviewed the document in a language, with what they did: for the paper's credits and commit trailers.</summary>
    private static async Task<Results<Ok<DocumentCredits>, ProblemHttpResult>> Credits(
        Guid projectId, Guid documentId, string? language, TranslationDb db, CancellationToken cancellationToken)
    {
        var credits = await ContributorCredits.ForAsync(db, projectId, documentId, language, cancellationToken);
        return credits.Succeeded ? TypedResults.Ok(credits.Value) : credits.Error.ToProblem();
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    private static async Task<Results<Ok<Paged<DocumentSummary>>, ProblemHttpResult>> List(
        Guid projectId, [AsParameters] PageRequest paging, TranslationDb db, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var documents = db.Documents.Where(d => d.ProjectId == projectId);
        var total = await documents.CountAsync(cancellationToken);
        var items = await documents
            .OrderBy(d => d.Path).ThenBy(d => d.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Join(db.DocumentVersions, d => new { d.Id, Number = d.CurrentVersion }, v => new { Id = v.DocumentId, v.Number },
                (d, v) => new DocumentSummary(d.Id, d.Path, d.Format, d.CurrentVersion, v.SegmentCount, v.WordCount, d.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<DocumentSummary>(items, paging.Number, paging.Size, total));
    }

    private static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> Get(
        Guid projectId, Guid documentId, TranslationDb db, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == documentId && d.ProjectId == projectId, cancellationToken);
        if (document is null)
        {
            return new DocumentNotFound(projectId, documentId).ToProblem();
        }
        // Version metadata only: the stored bytes stay in the database.
        var versions = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.DocumentId == documentId).OrderBy(v => v.Number)
            .Select(v => new VersionResponse(v.Number, v.Origin, v.Sha256, v.Content.Length, v.SegmentCount, v.WordCount, v.ImportedAt))
            .ToListAsync(cancellationToken);
        var targetLanguages = await db.Projects.Where(p => p.Id == projectId).Select(p => p.TargetLanguages).SingleAsync(cancellationToken);
        var progress = await db.DocumentProgress.AsNoTracking().Where(p => p.DocumentId == documentId).ToListAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(document, versions, targetLanguages, progress));
    }

    /// <summary>The document's segments in order, a page at a time; with a language, each with its translation, filtered and searched.</summary>
    /// <param name="includeRetired">Also list segments no longer in the current version (after the current ones); not with a language.</param>
    /// <param name="language">A target language: each segment comes with its translation in it.</param>
    /// <param name="filter">With a language: All, Mine (under your live claim), Untranslated, NeedsUpdate, Rejected, Translated or Approved.</param>
    /// <param name="q">With a language: only segments whose source or translation contains this text (any case).</param>
    private static async Task<Results<Ok<Paged<SegmentResponse>>, ProblemHttpResult>> ListSegments(
        Guid projectId, Guid documentId, [AsParameters] PageRequest paging, bool? includeRetired, string? language, string? filter, string? q,
        ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        if (language is not null)
        {
            return await ListTranslatedSegmentsAsync(projectId, documentId, paging, language, filter, q, caller, db, clock, cancellationToken);
        }
        if (filter is not null || q is not null)
        {
            return InvalidInputError.ForField("language", "Filters and search are per language: name the language too.").ToProblem();
        }
        if (!await db.Documents.AnyAsync(d => d.Id == documentId && d.ProjectId == projectId, cancellationToken))
        {
            return new DocumentNotFound(projectId, documentId).ToProblem();
        }
        var segments = db.Segments.AsNoTracking()
            .Where(s => s.DocumentId == documentId && (includeRetired == true || s.RetiredInVersion == null));
        var total = await segments.CountAsync(cancellationToken);
        var items = await segments.OrderBy(s => s.RetiredInVersion != null).ThenBy(s => s.Ordinal).ThenBy(s => s.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<SegmentResponse>([.. items.Select(SegmentResponse.From)], paging.Number, paging.Size, total));
    }

    private static async Task<Results<Ok<Paged<SegmentResponse>>, ProblemHttpResult>> ListTranslatedSegmentsAsync(
        Guid projectId, Guid documentId, PageRequest paging, string language, string? filter, string? q, ClaimsPrincipal caller,
        TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var chosen = SegmentFilter.All;
        if (filter is not null && (!Enum.TryParse(filter, ignoreCase: true, out chosen) || !Enum.IsDefined(chosen) || int.TryParse(filter, out _)))
        {
            return InvalidInputError.ForField("filter", $"The filter is one of {string.Join(", ", Enum.GetNames<SegmentFilter>())}, not '{filter}'.").ToProblem();
        }
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var query = new SegmentListQuery(chosen, q, paging.Number, paging.Size);
        if (query.Validate() is { } invalidQuery)
        {
            return invalidQuery.ToProblem();
        }
        var me = caller.AccountId();
        var page = await SegmentList.ReadAsync(db, found.Value, me, query, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new Paged<SegmentResponse>([.. page.Items.Select(s => SegmentResponse.From(s, me))], page.Page, page.PageSize, page.Total));
    }

    /// <summary>Queue a recount of the document's progress; the Worker runs it.</summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> Recount(
        Guid projectId, Guid documentId, TranslationDb db, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == documentId && d.ProjectId == projectId, cancellationToken))
        {
            return new DocumentNotFound(projectId, documentId).ToProblem();
        }
        jobs.Enqueue<IRecountDocumentProgress>(job => job.RunAsync(documentId, CancellationToken.None));
        return TypedResults.Accepted($"/api/projects/{projectId}/documents/{documentId}");
    }

    private static DocumentResponse ToResponse(Document document, IEnumerable<DocumentVersion> versions,
        IReadOnlyList<string> targetLanguages, IReadOnlyList<Domain.Progress.DocumentProgress> progress) =>
        ToResponse(document, [.. versions.Select(VersionResponse.From)], targetLanguages, progress);

    private static DocumentResponse ToResponse(Document document, IReadOnlyList<VersionResponse> versions,
        IReadOnlyList<string> targetLanguages, IReadOnlyList<Domain.Progress.DocumentProgress> progress)
    {
        var current = versions.Single(v => v.Number == document.CurrentVersion);
        var byLanguage = progress.ToDictionary(p => p.Language, StringComparer.Ordinal);
        var languages = targetLanguages
            .Select(language => byLanguage.TryGetValue(language, out var counted)
                ? LanguageProgress.From(counted)
                : new LanguageProgress(language, current.SegmentCount, current.WordCount, 0, 0, 0, 0, 0, 0, null))
            .ToList();
        return new DocumentResponse(document.Id, document.ProjectId, document.Path, document.Format, document.CurrentVersion,
            current.SegmentCount, current.WordCount, document.CreatedAt, versions, languages);
    }
}
