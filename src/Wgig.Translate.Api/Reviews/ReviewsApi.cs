using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Reviews;

/// <summary>One document's place in a language's review queue.</summary>
/// <param name="Awaiting">Submitted translations nobody has reviewed yet.</param>
/// <param name="InBatches">Of those, the ones in a reviewer's live batch.</param>
/// <param name="Yours">Of those, the ones you translated (you cannot review them).</param>
public sealed record ReviewQueueEntry(Guid DocumentId, string Path, int Awaiting, int AwaitingWords, int InBatches, int Yours);

public sealed record BatchApproved(Guid ClaimId, int Approved);

public static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder routes)
    {
        var reviews = routes.MapGroup("/projects/{projectId}/documents/{documentId}/reviews").WithTags("Reviews")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        reviews.MapPost("/", ClaimReviewBatch).WithName("ClaimReviewBatch").ProducesValidationProblem().WithMetadata(ProjectAccess.ChecksLanguageRight.Instance);
        reviews.MapPost("/{claimId}/release", Release).WithName("ReleaseReviewBatch");
        reviews.MapPost("/{claimId}/approve", ApproveBatch).WithName("ApproveReviewBatch");
        routes.MapGet("/projects/{projectId}/reviews", Queue).WithName("ReviewQueue").WithTags("Reviews")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Claim the next review batch: translations of others awaiting review, up to a word budget, as a lease.</summary>
    /// <remarks>
    /// Needs the review right in the language. Your own translations are never in your batch; the batch lasts a lease and is extended by
    /// reviewing.
    /// </remarks>
    internal static async Task<Results<Created<ClaimResponse>, ProblemHttpResult>> ClaimReviewBatch(
        Guid projectId, Guid documentId, ClaimRequest request, ClaimsPrincipal caller, TranslationDb db, ReviewNext reviews,
        CancellationToken cancellationToken)
    {
        if (request.Words is < 1 or > 100_000)
        {
            return InvalidInputError.ForField("words", "A batch's word budget is between 1 and 100,000.").ToProblem();
        }
        var reviewer = caller.AccountId();
        // The right and the reviewer's profile (which sizes the batch) in one round trip.
        var found = await DocumentLanguage.FindForWithProfileAsync(db, projectId, documentId, request.Language, reviewer, LanguageRight.Review,
            cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var batch = await reviews.ClaimAsync(reviewer, documentId, found.Value.Target.Language, found.Value.Profile, request.Words, cancellationToken);
        if (!batch.Succeeded)
        {
            return batch.Error.ToProblem();
        }
        return TypedResults.Created($"/api/projects/{projectId}/documents/{documentId}/reviews/{batch.Value.ClaimId}", ClaimResponse.From(batch.Value));
    }

    /// <summary>Give a review batch back: its undecided translations return to the review queue.</summary>
    /// <remarks>
    /// Decisions already made stay made.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Release(
        Guid projectId, Guid documentId, Guid claimId, ClaimsPrincipal caller, ClaimLeases leases, CancellationToken cancellationToken)
    {
        var released = await leases.ReleaseReviewAsync(documentId, claimId, caller.AccountId(), cancellationToken);
        return released.Succeeded ? TypedResults.NoContent() : released.Error.ToProblem();
    }

    /// <summary>Approve every translation still undecided in your review batch, after reading it; the batch ends.</summary>
    /// <remarks>
    /// Needs the review right in the batch's language and a live batch of yours. Each translation goes through the same rule as a
    /// single approval (never your own); the answer says how many were approved.
    /// </remarks>
    internal static async Task<Results<Ok<BatchApproved>, ProblemHttpResult>> ApproveBatch(
        Guid projectId, Guid documentId, Guid claimId, ClaimsPrincipal caller, TranslationWork work, CancellationToken cancellationToken)
    {
        var approved = await work.ApproveBatchAsync(projectId, documentId, claimId, caller.AccountId(), cancellationToken);
        return approved.Succeeded ? TypedResults.Ok(new BatchApproved(claimId, approved.Value)) : approved.Error.ToProblem();
    }

    /// <summary>The review queue of a language: per document, what waits for review, what is in batches, what is yours.</summary>
    /// <remarks>
    /// Counts translations handed in and not yet decided on, and the words they hold.
    /// </remarks>
    internal static async Task<Results<Ok<List<ReviewQueueEntry>>, ProblemHttpResult>> Queue(
        Guid projectId, string? language, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        if (!LanguageTag.TryNormalize(language, out var target, out _) || !project.TranslatesInto(target))
        {
            return new NotATargetLanguage(language ?? "", project.TargetLanguages).ToProblem();
        }
        var me = caller.AccountId();
        var now = clock.GetUtcNow();
        var entries = await (
            from t in db.Targets
            join s in db.Segments on t.SegmentId equals s.Id
            join d in db.Documents on s.DocumentId equals d.Id
            where d.ProjectId == projectId && t.Language == target && t.State == TargetState.Translated && s.RetiredInVersion == null
            group new { t.ReviewClaimedBy, ReviewClaimExpiresAt = (DateTimeOffset?)t.ReviewLease!.ExpiresAt, t.TranslatorId, s.WordCount } by new { d.Id, d.Path } into g
            select new ReviewQueueEntry(g.Key.Id, g.Key.Path, g.Count(), g.Sum(x => x.WordCount),
                g.Count(x => x.ReviewClaimedBy != null && x.ReviewClaimExpiresAt > now),
                g.Count(x => x.TranslatorId == me)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Where(e => e.Awaiting > 0).OrderBy(e => e.Path, StringComparer.Ordinal).ToList());
    }
}
