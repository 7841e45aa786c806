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

public sealed record ClaimResponse(Guid ClaimId, Guid DocumentId, string Language, DateTimeOffset ExpiresAt, int Words, IReadOnlyList<Guid> SegmentIds)
{
    public static ClaimResponse From(ClaimedBatch batch) =>
        new(batch.ClaimId, batch.DocumentId, batch.Language, batch.ExpiresAt, batch.Words, batch.SegmentIds);
}

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
        routes.MapPost("/projects/{projectId}/claims", ClaimInProject).WithName("ClaimNextInProject").WithTags("Claims").ProducesValidationProblem()
            .WithMetadata(ProjectAccess.ChecksLanguageRight.Instance)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapGet("/projects/{projectId}/documents/{documentId}/assignments/proposal", ProposeAssignments).WithName("ProposeAssignments")
            .WithTags("Claims").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapPost("/projects/{projectId}/documents/{documentId}/assignments", Assign).WithName("AssignWork")
            .WithTags("Claims").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Extend your live claim (or review batch) by the lease length from now (activity keeps work yours).</summary>
    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Renew(
        Guid projectId, Guid documentId, Guid claimId, ClaimsPrincipal caller, ClaimLeases leases, CancellationToken cancellationToken)
    {
        var renewed = await leases.RenewAsync(projectId, documentId, claimId, caller.AccountId(), cancellationToken);
        return renewed.Succeeded ? TypedResults.Ok(ClaimResponse.From(renewed.Value)) : renewed.Error.ToProblem();
    }

    /// <summary>Give the claim's unfinished segments back; what was handed in stays handed in.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Release(
        Guid projectId, Guid documentId, Guid claimId, ClaimsPrincipal caller, ClaimLeases leases, CancellationToken cancellationToken)
    {
        var released = await leases.ReleaseAsync(documentId, claimId, caller.AccountId(), cancellationToken);
        return released.Succeeded ? TypedResults.NoContent() : released.Error.ToProblem();
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
    /// Claim the next batch anywhere in the project in one language: in the document whose deadline comes
    /// first (then by path) that has open work.
    /// </summary>
    private static async Task<Results<Created<ClaimResponse>, ProblemHttpResult>> ClaimInProject(
        Guid projectId, ClaimRequest request, ClaimsPrincipal caller, ClaimNext claims, CancellationToken cancellationToken)
    {
        if (request.Words is < 1 or > 100_000)
        {
            return Domain.Common.InvalidInputError.ForField("words", "A batch's word budget is between 1 and 100,000.").ToProblem();
        }
        var batch = await claims.ClaimInProjectAsync(caller.AccountId(), projectId, request.Language, request.Words, cancellationToken);
        return batch.Succeeded
            ? TypedResults.Created($"/api/projects/{projectId}/documents/{batch.Value.DocumentId}/claims/{batch.Value.ClaimId}", ClaimResponse.From(batch.Value))
            : batch.Error.ToProblem();
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
        return TypedResults.Created($"/api/projects/{projectId}/documents/{documentId}/claims/{batch.Value.ClaimId}", ClaimResponse.From(batch.Value));
    }
}
