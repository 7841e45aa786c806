using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Translations;

public static class TranslationsApi
{
    public static IEndpointRouteBuilder MapTranslations(this IEndpointRouteBuilder routes)
    {
        var translation = routes.MapGroup("/projects/{projectId}/documents/{documentId}/segments/{segmentId}/translations/{language}")
            .WithTags("Translations")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        translation.MapGet("/", Get).WithName("GetTranslation");
        translation.MapPut("/", Submit).WithName("SubmitTranslation").ProducesValidationProblem().WithMetadata(ProjectAccess.ChecksLanguageRight.Instance);
        translation.MapPut("/draft", SaveDraft).WithName("SaveDraft").ProducesValidationProblem().WithMetadata(ProjectAccess.ChecksLanguageRight.Instance);
        translation.MapPost("/review", Review).WithName("ReviewTranslation").ProducesValidationProblem().WithMetadata(ProjectAccess.ChecksLanguageRight.Instance);
        translation.MapGet("/history", History).WithName("TranslationHistory");
        return routes;
    }

    /// <summary>The segment's translation in one language, its state and its version (also the ETag).</summary>
    private static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> Get(
        Guid projectId, Guid documentId, Guid segmentId, string language, ClaimsPrincipal caller, TranslationDb db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, segmentId, language, caller, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        return Respond(http, db, found.Value);
    }

    /// <summary>
    /// Autosave your work in progress under your live claim (an empty list of runs clears it). Saving is
    /// activity: it extends your claim. The draft survives the claim; only you see it.
    /// </summary>
    private static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> SaveDraft(
        Guid projectId, Guid documentId, Guid segmentId, string language, TranslationRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, TranslationWork work, SegmentChecks checks, HttpContext http, CancellationToken cancellationToken)
    {
        var (write, problem) = await PrepareWriteAsync(db, projectId, documentId, segmentId, language, caller, ifMatch, request.Runs, allowEmpty: true, cancellationToken);
        if (write is null)
        {
            return problem!;
        }
        if (work.SaveDraft(write.Target, write.Context.Caller, write.Content, write.Context.Segment.Content, clock.GetUtcNow()) is { } refused)
        {
            return refused.ToProblem();
        }
        // A draft is checked as it is saved, so the editor shows the findings as the volunteer types; nothing blocks a draft.
        var report = await checks.RunAsync(projectId, write.Context.Language, write.Context.Segment, write.Target, write.Content, cancellationToken);
        return WithChecks(await SaveAsync(db, http, write.Context, cancellationToken), report);
    }

    /// <summary>Hand in a translation for review: needs a live claim; If-Match guards against overwriting a newer version.</summary>
    private static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> Submit(
        Guid projectId, Guid documentId, Guid segmentId, string language, TranslationRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, TranslationWork work, SegmentChecks checks, HttpContext http, CancellationToken cancellationToken)
    {
        var (write, problem) = await PrepareWriteAsync(db, projectId, documentId, segmentId, language, caller, ifMatch, request.Runs, allowEmpty: false, cancellationToken);
        if (write is null)
        {
            return problem!;
        }
        var report = await checks.RunAsync(projectId, write.Context.Language, write.Context.Segment, write.Target, write.Content, cancellationToken);
        // Handing one in is activity on the batch: the rest of the claim stays the volunteer's for a full lease.
        if (work.Submit(write.Target, write.Context.Caller, write.Content, write.Context.Segment.Content, clock.GetUtcNow(), report.AcknowledgementNote()) is { } refused)
        {
            return refused.ToProblem();
        }
        // The workflow's own refusals (no claim, empty text) come first; a refusal by the checks leaves the transition unsaved.
        return report.RefusalOfSubmission(request.Acknowledge) is { } blocked
            ? blocked.ToProblem()
            : WithChecks(await SaveAsync(db, http, write.Context, cancellationToken), report);
    }

    private sealed record Write(TranslationContext Context, Target Target, Domain.Segmentation.SegmentContent Content);

    // What drafts and submissions share: the translate right, the version the client edited, runs that use the source's codes, a target to write.
    private static async Task<(Write? Write, ProblemHttpResult? Problem)> PrepareWriteAsync(TranslationDb db, Guid projectId, Guid documentId, Guid segmentId,
        string language, ClaimsPrincipal caller, string? ifMatch, IReadOnlyList<RunRequest>? runs, bool allowEmpty, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, segmentId, language, caller, cancellationToken, LanguageRight.Translate);
        if (!found.Succeeded)
        {
            return (null, found.Error.ToProblem());
        }
        var context = found.Value;
        if (Stale(db, context, ifMatch) is { } stale)
        {
            return (null, stale);
        }
        var content = allowEmpty && runs is { Count: 0 }
            ? new Domain.Segmentation.SegmentContent("", context.Segment.Content.Codes)
            : RunMapping.ToContent(runs, context.Segment.Content);
        if (!content.Succeeded)
        {
            return (null, content.Error.ToProblem());
        }
        return context.Target is { } target
            ? (new Write(context, target, content.Value), null)
            : (null, new NotYourClaim(segmentId, context.Language).ToProblem());
    }

    /// <summary>Approve, reject with a comment, or edit and approve; only someone with the review right who did not translate it.</summary>
    private static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> Review(
        Guid projectId, Guid documentId, Guid segmentId, string language, ReviewRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, TranslationMemory memory, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, segmentId, language, caller, cancellationToken, LanguageRight.Review);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var context = found.Value;
        var reviewer = context.Caller;
        if (Stale(db, context, ifMatch) is { } stale)
        {
            return stale;
        }
        if (context.Target is null)
        {
            return new NotAwaitingReview(segmentId, context.Language, TargetState.Untranslated).ToProblem();
        }
        var now = clock.GetUtcNow();
        DomainError? refused;
        switch (request.Decision?.ToLowerInvariant())
        {
            case "approve":
                refused = context.Target.Approve(reviewer, now);
                break;
            case "reject":
                refused = context.Target.Reject(reviewer, request.Comment, now);
                break;
            case "edit":
                var correction = RunMapping.ToContent(request.Runs, context.Segment.Content);
                if (!correction.Succeeded)
                {
                    return correction.Error.ToProblem();
                }
                refused = context.Target.EditAndApprove(reviewer, correction.Value, context.Segment.Content, now);
                break;
            default:
                return InvalidInputError.ForField("decision", "The decision is approve, reject or edit.").ToProblem();
        }
        if (refused is not null)
        {
            return refused.ToProblem();
        }
        // An approval feeds the translation memory in its own transaction: both are saved, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(db, http, context, cancellationToken);
        if (saved.Result is Ok<TranslationResponse> && context.Target.State == TargetState.Approved)
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId, cancellationToken);
            await memory.RecordApprovalAsync(project, context.Segment, context.Target, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>Every transition of the translation, oldest first: who did what and when, with each version's text.</summary>
    private static async Task<Results<Ok<List<HistoryEntry>>, ProblemHttpResult>> History(
        Guid projectId, Guid documentId, Guid segmentId, string language, ClaimsPrincipal caller, TranslationDb db, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, segmentId, language, caller, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var (segment, target, _, _) = found.Value;
        var events = target is null ? [] : await db.TargetEvents.AsNoTracking().Where(e => e.TargetId == target.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(events.Select(e => new HistoryEntry(e.Sequence, e.Kind, e.StateAfter, e.ActorId,
            e.Text is null ? null : ContentResponse.From(new Domain.Segmentation.SegmentContent(e.Text, segment.Content.Codes)), e.Comment, e.At)).ToList());
    }

    private sealed record TranslationContext(Segment Segment, Target? Target, string Language, Guid Caller);

    // With a right: the caller must hold it in the language (a right taken away ends every write in it at once).
    // Two round trips: the document × language with the segment and the right, then the target with its claims and
    // the drafts earlier claimants set aside (the suggestions).
    private static async Task<Result<TranslationContext>> FindAsync(TranslationDb db, Guid projectId, Guid documentId, Guid segmentId, string language,
        ClaimsPrincipal caller, CancellationToken cancellationToken, LanguageRight? right = null)
    {
        var found = await DocumentLanguage.FindSegmentAsync(db, projectId, documentId, segmentId, language,
            right is { } needed ? (caller.AccountId(), needed) : null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var (documentLanguage, segment) = found.Value;
        var target = await db.Targets
            .Include(t => t.History.Where(e => e.Kind == TargetEventKind.DraftSetAside).OrderByDescending(e => e.Sequence).Take(Suggestions))
            .SingleOrDefaultAsync(t => t.SegmentId == segmentId && t.Language == documentLanguage.Language, cancellationToken);
        return new TranslationContext(segment, target, documentLanguage.Language, caller.AccountId());
    }

    private const int Suggestions = 10;

    // If-Match names the version the client edited; an older one means someone else changed it meanwhile.
    private static ProblemHttpResult? Stale(TranslationDb db, TranslationContext context, string? ifMatch)
    {
        if (string.IsNullOrEmpty(ifMatch))
        {
            return null;
        }
        var current = Version(db, context.Target);
        return ifMatch.Trim().Trim('"').TrimStart('W', '/').Trim('"') == current ? null : Conflict(db, context, "The translation changed since you loaded it.");
    }

    private static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> SaveAsync(
        TranslationDb db, HttpContext http, TranslationContext context, CancellationToken cancellationToken)
    {
        try
        {
            // The target, its event and its claim's extension go as one batch, one round trip, without BEGIN and COMMIT
            // of their own: PostgreSQL runs a batch's statements in one implicit transaction, all or none.
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request changed the row between our read and our write; nothing of ours was written.
            db.ChangeTracker.Clear();
            var fresh = await db.Targets.SingleOrDefaultAsync(t => t.Id == context.Target!.Id, cancellationToken);
            return Conflict(db, context with { Target = fresh }, "Someone else changed the translation at the same time.");
        }
        return Respond(http, db, context);
    }

    private static Ok<TranslationResponse> Respond(HttpContext http, TranslationDb db, TranslationContext context)
    {
        var version = Version(db, context.Target);
        http.Response.Headers.ETag = $"\"{version}\"";
        List<Suggestion>? suggestions = null;
        if (context.Target is { } target && target.ClaimedBy == context.Caller)
        {
            var left = target.History.Where(e => e.Kind == TargetEventKind.DraftSetAside).OrderByDescending(e => e.Sequence).Take(Suggestions);
            suggestions = [.. left.Select(e => new Suggestion(ContentResponse.From(new Domain.Segmentation.SegmentContent(e.Text!, context.Segment.Content.Codes)), e.ActorId, e.At))];
        }
        return TypedResults.Ok(TranslationResponse.From(context.Segment.Id, context.Language, context.Target, context.Segment.Content,
            uint.Parse(version, System.Globalization.CultureInfo.InvariantCulture), context.Caller, suggestions));
    }

    private static Results<Ok<TranslationResponse>, ProblemHttpResult> WithChecks(Results<Ok<TranslationResponse>, ProblemHttpResult> saved, CheckReport report) =>
        saved.Result is Ok<TranslationResponse> { Value: { } response } ? TypedResults.Ok(response with { Checks = report.Findings }) : saved;

    private static ProblemHttpResult Conflict(TranslationDb db, TranslationContext context, string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Stale version",
            Detail = detail + " Your text was not saved; the current version is included.",
            Extensions = { ["current"] = TranslationResponse.From(context.Segment.Id, context.Language, context.Target, context.Segment.Content,
                uint.Parse(Version(db, context.Target), System.Globalization.CultureInfo.InvariantCulture), context.Caller) },
        });

    private static string Version(TranslationDb db, Target? target) =>
        target is null ? "0" : db.Entry(target).Property<uint>("Version").CurrentValue.ToString(System.Globalization.CultureInfo.InvariantCulture);

}
