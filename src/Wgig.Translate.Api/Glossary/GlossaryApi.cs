using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Api.Suggestions;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Glossary;

public sealed record GlossaryEntryRequest(string? Definition, string? Note, bool? DoNotTranslate, IReadOnlyList<GlossaryTermDraft>? Terms)
{
    public GlossaryEntryDraft ToDraft() => new(Definition, Note, DoNotTranslate ?? false, Terms);
}

/// <param name="Shared">The entry belongs to another project that shares its glossary with this one (read only here).</param>
public sealed record GlossaryEntryResponse(Guid Id, Guid ProjectId, bool Shared, string? Definition, string? Note, bool DoNotTranslate,
    IReadOnlyList<TermResponse> Terms, DateTimeOffset UpdatedAt)
{
    public static GlossaryEntryResponse From(GlossaryEntry e, Guid projectId) => new(e.Id, e.ProjectId, e.ProjectId != projectId, e.Definition, e.Note,
        e.DoNotTranslate, [.. e.Terms.Select(TermResponse.From)], e.UpdatedAt);
}

public sealed record GlossaryEntryNotFound(Guid ProjectId, Guid EntryId)
    : NotFoundError("Glossary entry not found", $"Project '{ProjectId}' has no glossary entry '{EntryId}' of its own.");

public static class GlossaryApi
{
    public static IEndpointRouteBuilder MapGlossary(this IEndpointRouteBuilder routes)
    {
        var glossary = routes.MapGroup("/projects/{projectId}/glossary").WithTags("Glossary")
            .ProducesProblem(StatusCodes.Status404NotFound);
        glossary.MapGet("/", List).WithName("ListGlossary")
            .WithDescription("The project's glossary and the glossaries shared with it: terms with their renderings per language, status, definition, notes; search and filter by language; paged.").ProducesValidationProblem();
        glossary.MapPost("/", Create).WithName("CreateGlossaryEntry")
            .WithSummary("Add a glossary entry.").WithDescription("A term in the source language with its renderings per target language (preferred, admitted or forbidden), definition, part of speech, notes and do-not-translate; staff of the project.").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem();
        glossary.MapPut("/{entryId}", Change).WithName("ChangeGlossaryEntry")
            .WithSummary("Change a glossary entry.").WithDescription("Replaces the entry's term, renderings and notes as sent; staff of the project.").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem();
        glossary.MapDelete("/{entryId}", Delete).WithName("DeleteGlossaryEntry")
            .WithSummary("Delete a glossary entry.").WithDescription("The entry stops being suggested and checked at once; staff of the project.").RequireAuthorization(Policies.ManageProjects);
        glossary.MapGet("/export", Export).WithName("ExportGlossary")
            .WithDescription("The glossary as TBX-Basic (format=tbx) or CSV (format=csv), for other tools and for review in a spreadsheet.").ProducesValidationProblem();
        glossary.MapPost("/import", Import).WithName("ImportGlossary")
            .WithDescription("Entries from a TBX-Basic or CSV file go into the project's glossary; the answer says how many came in and which rows were refused and why; staff of the project.").RequireAuthorization(Policies.ManageProjects).DisableAntiforgery()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    /// <summary>The project's glossary and the glossaries shared with it, filtered by a term (any form, any language) if q is given.</summary>
    internal static async Task<Results<Ok<Paged<GlossaryEntryResponse>>, ProblemHttpResult>> List(
        Guid projectId, string? q, [AsParameters] PageRequest paging, TranslationDb db, Glossaries glossaries, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var entries = await glossaries.EntriesForAsync(projectId, cancellationToken);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var needle = WordForms.Fold(q.Trim());
            entries = [.. entries.Where(e => e.Terms.Any(t => WordForms.Fold(t.Text).Contains(needle, StringComparison.Ordinal)
                || WordForms.KeyOf(t.Text, t.Language) == WordForms.KeyOf(q, t.Language)))];
        }
        var ordered = entries.OrderBy(e => e.ProjectId != projectId).ThenBy(e => e.Terms[0].Text, StringComparer.CurrentCultureIgnoreCase).ToList();
        return TypedResults.Ok(new Paged<GlossaryEntryResponse>([.. ordered.Skip(paging.Skip).Take(paging.Size).Select(e => GlossaryEntryResponse.From(e, projectId))],
            paging.Number, paging.Size, ordered.Count));
    }

    internal static async Task<Results<Created<GlossaryEntryResponse>, ProblemHttpResult>> Create(
        Guid projectId, GlossaryEntryRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var entry = GlossaryEntry.Create(projectId, project.SourceLanguage, request.ToDraft(), caller.AccountId(), clock.GetUtcNow());
        if (!entry.Succeeded)
        {
            return entry.Error.ToProblem();
        }
        db.GlossaryEntries.Add(entry.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/projects/{projectId}/glossary/{entry.Value.Id}", GlossaryEntryResponse.From(entry.Value, projectId));
    }

    internal static async Task<Results<Ok<GlossaryEntryResponse>, ProblemHttpResult>> Change(
        Guid projectId, Guid entryId, GlossaryEntryRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        var entry = await db.GlossaryEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.ProjectId == projectId, cancellationToken);
        if (project is null || entry is null)
        {
            return (project is null ? (DomainError)new ProjectNotFound(projectId) : new GlossaryEntryNotFound(projectId, entryId)).ToProblem();
        }
        if (entry.Change(project.SourceLanguage, request.ToDraft(), caller.AccountId(), clock.GetUtcNow()) is { } invalid)
        {
            return invalid.ToProblem();
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(GlossaryEntryResponse.From(entry, projectId));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid projectId, Guid entryId, TranslationDb db, KeptCheckSettings kept,
        CancellationToken cancellationToken)
    {
        var deleted = await db.GlossaryEntries.Where(e => e.Id == entryId && e.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
        // One statement, no save for the interceptor to see: the next check of this process reads the glossary without it.
        kept.ForgetProject(projectId);
        return deleted == 0 ? new GlossaryEntryNotFound(projectId, entryId).ToProblem() : TypedResults.NoContent();
    }

    /// <summary>The project's own glossary as TBX-Basic (format=tbx, default) or CSV (format=csv).</summary>
    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        Guid projectId, string? format, TranslationDb db, GlossaryExchange exchange, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        if (Format(format ?? "tbx") is not { } kind)
        {
            return InvalidInputError.ForField("format", $"format is 'tbx' or 'csv', not '{format}'.").ToProblem();
        }
        return TypedResults.Stream(async body =>
        {
            await using var buffer = new FileBufferingWriteStream();
            await exchange.ExportAsync(project, kind, buffer, cancellationToken);
            await buffer.DrainBufferAsync(body, cancellationToken);
        }, kind == GlossaryFormat.Tbx ? "application/x-tbx+xml" : "text/csv; charset=utf-8", $"glossary.{kind.ToString().ToLowerInvariant()}");
    }

    /// <summary>
    /// Import a TBX (TBX-Basic 2 or TBX 3) or CSV glossary (by file ending, or format): a concept whose source term the glossary has
    /// replaces that entry; concepts that break the rules are listed with the reason and skipped.
    /// </summary>
    internal static async Task<Results<Ok<GlossaryImportReport>, ProblemHttpResult>> Import(
        Guid projectId, IFormFile file, [FromForm] string? format, ClaimsPrincipal caller, TranslationDb db, GlossaryExchange exchange,
        IOptions<DocumentLimits> limits, CancellationToken cancellationToken)
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
        if (Format(format ?? Path.GetExtension(file.FileName).TrimStart('.')) is not { } kind)
        {
            return InvalidInputError.ForField("format", "Name the format (tbx or csv), or upload a file ending in .tbx or .csv.").ToProblem();
        }
        await using var content = file.OpenReadStream();
        var report = await exchange.ImportAsync(project, content, kind, caller.AccountId(), cancellationToken);
        return report.Succeeded ? TypedResults.Ok(report.Value) : report.Error.ToProblem();
    }

    private static GlossaryFormat? Format(string name) => name.ToLowerInvariant() switch
    {
        "tbx" or "xml" => GlossaryFormat.Tbx,
        "csv" => GlossaryFormat.Csv,
        _ => null,
    };
}
