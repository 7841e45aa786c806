using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Claims;

/// <param name="Language">The target language to translate into.</param>
/// <param name="Words">The batch's word budget for the next batch (default from your capacity, or the project's rules).</param>
/// <param name="SegmentIds">Instead of the next batch: these segments, all or none.</param>
/// <param name="Paragraph">Instead of the next batch: every current segment of this paragraph (its ordinal in the document), all or none.</param>
public sealed record ClaimRequest(string? Language, int? Words, IReadOnlyList<Guid>? SegmentIds = null, int? Paragraph = null);

/// <param name="Assignments">Batches chosen by hand; none applies the balancing proposal as it stands.</param>
public sealed record AssignRequest(string? Language, IReadOnlyList<Domain.Balancing.AssignmentRequest>? Assignments);

public sealed record ClaimResponse(Guid ClaimId, Guid DocumentId, string Language, DateTimeOffset ExpiresAt, int Words, IReadOnlyList<Guid> SegmentIds);

public static class ClaimsApi
{
    public static IEndpointRouteBuilder MapClaims(this IEndpointRouteBuilder routes)
    {
        var claims = routes.MapGroup("/projects/{projectId}/documents/{documentId}/claims").WithTags("Claims")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        claims.MapPost("/", ClaimNextBatch).WithName("ClaimNextBatch").ProducesValidationProblem().WithMetadata(ProjectAccess.ChecksLanguageRight.Instance);
        claims.MapPost("/{claimId}/renew", Renew).WithName("RenewClaim");
        claims.MapPost("/{claimId}/release", Release).WithName("ReleaseClaim");
        routes.MapGet("/projects/{projectId}/documents/{documentId}/assignments/proposal", ProposeAssignments).WithName("ProposeAssignments")
            .WithTags("Claims").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapPost("/projects/{projectId}/documents/{documentId}/assignments", Assign).WithName("AssignWork")
            .WithTags("Claims").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Extend your live claim by the lease length from now (activity keeps work yours).</summary>
    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Renew(
        Guid projectId, Guid documentId, Guid claimId, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<ClaimOptions> options, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var held = await HeldAsync(db, documentId, claimId, caller, cancellationToken);
        if (!held.Succeeded)
        {
            return held.Error.ToProblem();
        }
        var (claim, targets) = held.Value;
        // Renewing keeps work one may only do with the right: a right taken away is not renewed around.
        var right = claim.Kind == ClaimKind.Review ? LanguageRight.Review : LanguageRight.Translate;
        var allowed = await DocumentLanguage.FindForAsync(db, projectId, documentId, claim.Language, claim.VolunteerId, right, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed.Error.ToProblem();
        }
        if (!claim.IsLiveAt(now))
        {
            return new ClaimNotLive(claimId).ToProblem();
        }
        claim.Extend(now, options.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ClaimResponse(claim.Id, documentId, claim.Language, claim.ExpiresAt, claim.Words, [.. targets.Select(t => t.SegmentId)]));
    }

    /// <summary>Give the claim's unfinished segments back; what was handed in stays handed in.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Release(
        Guid projectId, Guid documentId, Guid claimId, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var held = await HeldAsync(db, documentId, claimId, caller, cancellationToken);
        if (!held.Succeeded)
        {
            return held.Error.ToProblem();
        }
        var (claim, targets) = held.Value;
        foreach (var target in targets)
        {
            target.Release(claim.VolunteerId, now);
        }
        claim.Release(now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    // The caller's claim on this document, with the targets it still holds.
    private static async Task<Domain.Common.Result<(Domain.Claims.Claim Claim, List<Domain.Targets.Target> Targets)>> HeldAsync(
        TranslationDb db, Guid documentId, Guid claimId, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var volunteer = caller.AccountId();
        var claim = await db.Claims.SingleOrDefaultAsync(c => c.Id == claimId && c.DocumentId == documentId && c.VolunteerId == volunteer, cancellationToken);
        if (claim is null)
        {
            return new ClaimNotFound(claimId);
        }
        var targets = await db.Targets.Where(t => t.ClaimId == claimId && t.ClaimedBy == volunteer && t.State == Domain.Targets.TargetState.Claimed).ToListAsync(cancellationToken);
        return (claim, targets);
    }

    /// <summary>
    /// Preview of the balancing policy for one document × language: the open work in batches, each with the
    /// volunteer it would go to, or why nobody can take it. Changes nothing.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<Domain.Balancing.ProposedBatch>>, ProblemHttpResult>> ProposeAssignments(
        Guid projectId, Guid documentId, string? language, Domain.Balancing.WorkBalancer balancer, CancellationToken cancellationToken)
    {
        var proposal = await balancer.ProposeAsync(projectId, documentId, language, cancellationToken);
        return proposal.Succeeded ? TypedResults.Ok(proposal.Value) : proposal.Error.ToProblem();
    }

    /// <summary>
    /// Hand work to volunteers as claims (or review batches) in their name: the balancing proposal as it
    /// stands, or the batches given, which override it. Segments taken meanwhile are skipped and listed.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<Domain.Balancing.AssignedBatch>>, ProblemHttpResult>> Assign(
        Guid projectId, Guid documentId, AssignRequest request, ClaimsPrincipal caller, Domain.Balancing.WorkAssignment assignment,
        CancellationToken cancellationToken)
    {
        if (request.Assignments is { Count: > 200 } || request.Assignments?.Any(a => a.SegmentIds is null || a.SegmentIds.Count is 0 or > 1_000) == true)
        {
            return Domain.Common.InvalidInputError.ForField("assignments", "At most 200 batches of 1 to 1,000 segments each.").ToProblem();
        }
        var assigned = request.Assignments is { Count: > 0 } byHand
            ? await assignment.AssignAsync(projectId, documentId, request.Language, Domain.Balancing.AssignedBy.Coordinator(caller.AccountId()), byHand, cancellationToken)
            : await assignment.ApplyProposalAsync(projectId, documentId, request.Language, Domain.Balancing.AssignedBy.Coordinator(caller.AccountId()), cancellationToken);
        return assigned.Succeeded ? TypedResults.Ok(assigned.Value) : assigned.Error.ToProblem();
    }

    /// <summary>
    /// Claim the next batch (consecutive open segments of the document in one language, up to a word budget),
    /// or chosen segments, or a whole paragraph, as a lease.
    /// </summary>
    private static async Task<Results<Created<ClaimResponse>, ProblemHttpResult>> ClaimNextBatch(
        Guid projectId, Guid documentId, ClaimRequest request, ClaimsPrincipal caller, TranslationDb db, ClaimNext claims,
        CancellationToken cancellationToken)
    {
        if (request.Words is < 1 or > 100_000)
        {
            return Domain.Common.InvalidInputError.ForField("words", "A batch's word budget is between 1 and 100,000.").ToProblem();
        }
        var volunteer = caller.AccountId();
        var found = await DocumentLanguage.FindForAsync(db, projectId, documentId, request.Language, volunteer, LanguageRight.Translate, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        if (request.SegmentIds is { Count: > 500 })
        {
            return Domain.Common.InvalidInputError.ForField("segmentIds", "At most 500 segments in one claim.").ToProblem();
        }
        var batch = request.SegmentIds is { Count: > 0 } || request.Paragraph is not null
            ? await claims.ClaimChosenAsync(volunteer, found.Value, request.SegmentIds, request.Paragraph, cancellationToken)
            : await claims.ClaimAsync(volunteer, found.Value, request.Words, cancellationToken);
        if (!batch.Succeeded)
        {
            return batch.Error.ToProblem();
        }
        var claimed = batch.Value;
        return TypedResults.Created($"/api/projects/{projectId}/documents/{documentId}/claims/{claimed.ClaimId}",
            new ClaimResponse(claimed.ClaimId, claimed.DocumentId, claimed.Language, claimed.ExpiresAt, claimed.Words, claimed.SegmentIds));
    }
}
