using System.Security.Claims;
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
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Common;

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

    /// <summary>Upload a new document (Markdown, UN plain-text paper, DOCX or HTML) as multipart form data.</summary>
    /// <remarks>
    /// The document is cut into segments in the project's source language; its progress in every target language starts at
    /// nothing and moves with each submission and review. A document uploaded here is kept by hand: repository syncs leave it alone.
    /// </remarks>
    /// <param name="file">The document; its name becomes the document's path.</param>
    /// <param name="format">Markdown, PlainText, Html or Docx, where the file name's ending does not say.</param>
    /// <param name="unstorableCharacters">
    /// "refuse" (the default): a file holding a character storage or XML cannot hold (a control character, U+FFFE, U+FFFF)
    /// is a 400 naming the first one; "replace": each is replaced with U+FFFD and listed in the answer's "replaced".
    /// </param>
    internal static async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> Upload(
        Guid projectId, IFormFile file, [FromForm] string? format, [FromForm] string? unstorableCharacters, DocumentImport import, ClaimsPrincipal caller,
        IOptions<DocumentLimits> limits, TranslationDb db, CancellationToken cancellationToken)
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
            new DocumentUpload(file.FileName, format, await ReadAsync(file, cancellationToken), UploadedBy: caller.AccountId(), Unstorable: unstorable.Value),
            cancellationToken);
        if (!document.Succeeded)
        {
            return document.Error.ToProblem();
        }
        var names = await AccountNames.ReadAsync(db, document.Value.Versions.Select(v => v.ImportedBy), cancellationToken);
        return TypedResults.Created($"/api/projects/{projectId}/documents/{document.Value.Id}",
            ToResponse(document.Value, [.. document.Value.Versions.Select(v => VersionResponse.From(v, names))],
                await ProgressCounts.ForAsync(db, document.Value.Id, cancellationToken)) with { Replaced = document.Value.Replaced });
    }

    /// <summary>Upload a new version of a document uploaded by hand, in the document's format.</summary>
    /// <remarks>
    /// Unchanged segments keep their translations and review state; edited segments keep their key and old
    /// translation, marked as needing an update (their translators are told), and show their previous source; new segments
    /// start untranslated; segments no longer in the source are retired, never deleted. A file identical to the current
    /// version changes nothing. The answer says how many approved translations went back to "needs update" and whether the
    /// secretariat's sign-off was voided (only a change of the text voids it). A document kept in the project's repository
    /// changes through the repository: its upload is refused unless detach=true takes it out of the repository's care.
    /// </remarks>
    /// <param name="file">The new version, in the document's format.</param>
    /// <param name="detach">For a document kept in the repository: take it out of the repository's care, so syncs leave it alone.</param>
    /// <param name="unstorableCharacters">As for a new document: "refuse" (the default) or "replace".</param>
    internal static async Task<Results<Ok<SourceUpdateResponse>, ProblemHttpResult>> UploadVersion(
        Guid projectId, Guid documentId, IFormFile file, [FromForm] bool? detach, [FromForm] string? unstorableCharacters, DocumentImport import,
        ClaimsPrincipal caller, IOptions<DocumentLimits> limits, CancellationToken cancellationToken)
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
            new DocumentUpload(file.FileName, null, await ReadAsync(file, cancellationToken), UploadedBy: caller.AccountId(), Unstorable: unstorable.Value),
            cancellationToken, detach ?? false);
        if (!summary.Succeeded)
        {
            return summary.Error.ToProblem();
        }
        return TypedResults.Ok(SourceUpdateResponse.From(summary.Value));
    }

    /// <summary>The document rebuilt in its own format with the translations into one language.</summary>
    /// <remarks>
    /// Segments without a usable translation are written in the source language; the response headers
    /// Wgig-Translated-Segments and Wgig-Source-Segments say how many of each.
    /// </remarks>
    /// <param name="language">A target language of the project.</param>
    /// <param name="approvedOnly">Use approved translations only (default: translated and approved).</param>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
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

    /// <summary>Everyone who translated or reviewed the document in a language, with what they did.</summary>
    /// <remarks>
    /// Distinct segments and words of the current version per person and role, revisions counted apart; for the paper's credits and the
    /// commit trailers.
    /// </remarks>
    internal static async Task<Results<Ok<DocumentCredits>, ProblemHttpResult>> Credits(
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

    /// <summary>List the project's documents, paged, by path.</summary>
    /// <remarks>
    /// Each with its format, origin (repository or upload), current version and size.
    /// </remarks>
    internal static async Task<Results<Ok<Paged<DocumentSummary>>, ProblemHttpResult>> List(
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
                (d, v) => new DocumentSummary(d.Id, d.Path, d.Format, d.Origin, d.CurrentVersion, v.SegmentCount, v.WordCount, d.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<DocumentSummary>(items, paging.Number, paging.Size, total));
    }

    /// <summary>Read a document: its versions and its progress in every target language.</summary>
    /// <remarks>
    /// Progress is exact at the moment of the answer: it moves with every submission, review, upload and new version.
    /// </remarks>
    internal static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> Get(
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
            .Select(v => new VersionResponse(v.Number, v.Origin, v.Sha256, v.Content.Length, v.SegmentCount, v.WordCount, v.ImportedAt, v.ImportedBy, v.CommitSha,
                db.Users.Where(a => a.Id == v.ImportedBy).Select(a => a.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(document, versions, await ProgressCounts.ForAsync(db, documentId, cancellationToken)));
    }

    /// <summary>The document's segments in order, a page at a time; with a language, each with its translation, filtered and searched.</summary>
    /// <remarks>
    /// Without a language: the document's structure (current segments in order, retired ones after them when asked for). With a language:
    /// current segments, each with its translation into it (state, text, whether it is claimed and by you, review comment; never
    /// someone's draft), narrowed by filter, state, mine and q together. The web app's editor reads the same list.
    /// </remarks>
    /// <param name="includeRetired">Also list segments no longer in the current version (after the current ones); not with a language.</param>
    /// <param name="language">A target language of the project: each segment comes with its translation in it; needed by filter, state, mine and q.</param>
    /// <param name="filter">All, Mine (under your live claim), Untranslated, NeedsUpdate, Rejected, Translated or Approved (a claimed segment counts as what it was before its claim).</param>
    /// <param name="state">Only segments whose translation is stored in this state (Claimed included; Untranslated: none yet).</param>
    /// <param name="mine">Only segments you have claimed, translated, or hold in a review batch.</param>
    /// <param name="q">Only segments whose source or translation contains this text, case ignored (at most 200 characters).</param>
    internal static async Task<Results<Ok<Paged<SegmentResponse>>, ProblemHttpResult>> ListSegments(
        Guid projectId, Guid documentId, [AsParameters] PageRequest paging, bool? includeRetired, string? language, string? filter, TargetState? state, bool? mine,
        string? q, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        if (language is not null)
        {
            return await ListTranslatedSegmentsAsync(projectId, documentId, paging, language, filter, state, mine ?? false, q, caller, db, clock, cancellationToken);
        }
        if (filter is not null || state is not null || mine is not null || q is not null)
        {
            return InvalidInputError.ForField("language", "Filters (filter, state, mine) and search need a language: name the language too, e.g. language=fr.").ToProblem();
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

    internal static async Task<Results<Ok<Paged<SegmentResponse>>, ProblemHttpResult>> ListTranslatedSegmentsAsync(
        Guid projectId, Guid documentId, PageRequest paging, string language, string? filter, TargetState? state, bool mine, string? q, ClaimsPrincipal caller,
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
        var query = new SegmentListQuery(chosen, q, paging.Number, paging.Size, state, mine);
        if (query.Validate() is { } invalidQuery)
        {
            return invalidQuery.ToProblem();
        }
        var me = caller.AccountId();
        var page = await SegmentList.ReadAsync(db, found.Value, me, query, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new Paged<SegmentResponse>([.. page.Items.Select(s => SegmentResponse.From(s, me))], page.Page, page.PageSize, page.Total));
    }

    /// <summary>Queue a recount of the document's progress from its targets.</summary>
    /// <remarks>
    /// A repair tool: progress is kept exact as work happens, so nothing else needs it.
    /// </remarks>
    internal static async Task<Results<Accepted, ProblemHttpResult>> Recount(
        Guid projectId, Guid documentId, TranslationDb db, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == documentId && d.ProjectId == projectId, cancellationToken))
        {
            return new DocumentNotFound(projectId, documentId).ToProblem();
        }
        jobs.Enqueue<IRecountDocumentProgress>(job => job.RunAsync(documentId, CancellationToken.None));
        return TypedResults.Accepted($"/api/projects/{projectId}/documents/{documentId}");
    }

    private static DocumentResponse ToResponse(Document document, IReadOnlyList<VersionResponse> versions, IReadOnlyList<LanguageProgress> progress)
    {
        var current = versions.Single(v => v.Number == document.CurrentVersion);
        return new DocumentResponse(document.Id, document.ProjectId, document.Path, document.Format, document.Origin, document.CurrentVersion,
            current.SegmentCount, current.WordCount, document.CreatedAt, versions, progress);
    }
}
