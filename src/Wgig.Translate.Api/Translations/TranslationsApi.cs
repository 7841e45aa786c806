using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;
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

    /// <summary>Read a segment's translation in one language, its state and its version (also the ETag).</summary>
    /// <remarks>
    /// If you hold its claim you also get your draft and the drafts earlier claimants left (suggestions); nobody else sees them.
    /// </remarks>
    internal static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> Get(
        Guid projectId, Guid documentId, Guid segmentId, string language, ClaimsPrincipal caller, TranslationWork work, SetAsideDrafts drafts,
        HttpContext http, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(projectId, documentId, segmentId, language, caller.AccountId(), null, cancellationToken);
        return found.Succeeded ? await RespondAsync(http, found.Value, drafts, cancellationToken) : found.Error.ToProblem();
    }

    /// <summary>Autosave your work in progress under your live claim; only you see it.</summary>
    /// <remarks>
    /// An empty list of runs clears the draft. Saving is activity: it extends your claim. When the claim ends without a submission the
    /// draft stays in the history and is offered to the next translator as a suggestion.
    /// </remarks>
    internal static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> SaveDraft(
        Guid projectId, Guid documentId, Guid segmentId, string language, TranslationRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal caller, TranslationWork work, SetAsideDrafts drafts, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(projectId, documentId, segmentId, language, caller.AccountId(), LanguageRight.Translate, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var source = found.Value.Segment.Content;
        var content = request.Runs is { Count: 0 } ? new Domain.Segmentation.SegmentContent("", source.Codes) : RunMapping.ToContent(request.Runs, source);
        if (!content.Succeeded)
        {
            return content.Error.ToProblem();
        }
        return await AnswerAsync(http, await work.SaveDraftAsync(found.Value, content.Value, ifMatch, cancellationToken), drafts, cancellationToken);
    }

    /// <summary>Hand in a translation for review under your live claim.</summary>
    /// <remarks>
    /// Inline codes are given by the source's code ids; If-Match against overwriting a newer version (a stale one is a 409 carrying the
    /// current version). The checks run first: errors refuse it (422 with the findings), warnings refuse it unless acknowledged by check
    /// id in <c>acknowledge</c>. Handing in extends the rest of the claim; the last segment of a batch tells the language's reviewers it
    /// is ready.
    /// </remarks>
    internal static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> Submit(
        Guid projectId, Guid documentId, Guid segmentId, string language, TranslationRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal caller, TranslationWork work, SetAsideDrafts drafts, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(projectId, documentId, segmentId, language, caller.AccountId(), LanguageRight.Translate, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var content = RunMapping.ToContent(request.Runs, found.Value.Segment.Content);
        if (!content.Succeeded)
        {
            return content.Error.ToProblem();
        }
        return await AnswerAsync(http, await work.SubmitAsync(found.Value, content.Value, ifMatch, request.Acknowledge, cancellationToken), drafts, cancellationToken);
    }

    /// <summary>Approve, reject with a comment, or edit and approve a translation.</summary>
    /// <remarks>
    /// Needs the review right and not your own translation. A rejection goes back to its translator, who is told, with the comment; an
    /// edit is recorded as yours.
    /// </remarks>
    internal static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> Review(
        Guid projectId, Guid documentId, Guid segmentId, string language, ReviewRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal caller, TranslationWork work, SetAsideDrafts drafts, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(projectId, documentId, segmentId, language, caller.AccountId(), LanguageRight.Review, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var decision = ToDecision(request, found.Value.Segment.Content);
        if (!decision.Succeeded)
        {
            return decision.Error.ToProblem();
        }
        return await AnswerAsync(http, await work.ReviewAsync(found.Value, decision.Value, ifMatch, cancellationToken), drafts, cancellationToken);
    }

    private static Result<ReviewDecision> ToDecision(ReviewRequest request, Domain.Segmentation.SegmentContent source)
    {
        switch (request.Decision?.ToLowerInvariant())
        {
            case "approve":
                return new ReviewDecision(ReviewVerdict.Approve);
            case "reject":
                return new ReviewDecision(ReviewVerdict.Reject, request.Comment);
            case "edit":
                var correction = RunMapping.ToContent(request.Runs, source);
                return correction.Succeeded ? new ReviewDecision(ReviewVerdict.Edit, Correction: correction.Value) : correction.Error;
            default:
                return InvalidInputError.ForField("decision", "The decision is approve, reject or edit.");
        }
    }

    /// <summary>Every transition of the translation, oldest first.</summary>
    /// <remarks>
    /// Who did what and when, with each version's text and each review comment.
    /// </remarks>
    internal static async Task<Results<Ok<List<HistoryEntry>>, ProblemHttpResult>> History(
        Guid projectId, Guid documentId, Guid segmentId, string language, ClaimsPrincipal caller, TranslationWork work, TranslationDb db,
        CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(projectId, documentId, segmentId, language, caller.AccountId(), null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var codes = found.Value.Segment.Content.Codes;
        var history = await work.HistoryAsync(found.Value, cancellationToken);
        var names = await AccountNames.ReadAsync(db, history.Select(e => e.ActorId), cancellationToken);
        return TypedResults.Ok(history.Select(e => new HistoryEntry(e.Sequence, e.Kind, e.StateAfter, e.ActorId, PersonNames.Of(names, e.ActorId),
            e.Text is null ? null : ContentResponse.From(new Domain.Segmentation.SegmentContent(e.Text, codes)), e.Comment, e.At)).ToList());
    }

    private static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> AnswerAsync(
        HttpContext http, Result<TranslationContext> done, SetAsideDrafts drafts, CancellationToken cancellationToken)
    {
        if (done.Succeeded)
        {
            return await RespondAsync(http, done.Value, drafts, cancellationToken);
        }
        if (done.Error is TranslationChanged changed)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = changed.Title,
                Detail = changed.Detail,
                Extensions = { ["current"] = await TranslationResponse.ReadAsync(drafts, changed.Current, offerDrafts: false, cancellationToken) },
            });
        }
        return done.Error.ToProblem();
    }

    private static async Task<Results<Ok<TranslationResponse>, ProblemHttpResult>> RespondAsync(
        HttpContext http, TranslationContext context, SetAsideDrafts drafts, CancellationToken cancellationToken)
    {
        http.Response.Headers.ETag = $"\"{context.Version}\"";
        return TypedResults.Ok(await TranslationResponse.ReadAsync(drafts, context, offerDrafts: true, cancellationToken)
            with { Checks = context.Checks?.Findings });
    }
}
