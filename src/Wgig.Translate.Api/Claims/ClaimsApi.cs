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
public sealed record AssignRequest(string? Language, IReadOnlyList<HandAssignment>? Assignments);

/// <summary>A batch handed to one volunteer.</summary>
/// <param name="VolunteerId">The volunteer: their account id or their e-mail address.</param>
/// <param name="Kind">Translate (a claim) or Review (a review batch).</param>
/// <param name="DueAt">The batch's own deadline (within 14 days): its claim ends then instead of after the usual lease.</param>
public sealed record HandAssignment(string? VolunteerId, Domain.Balancing.WorkKind Kind, IReadOnlyList<Guid>? SegmentIds, DateTimeOffset? DueAt = null);

/// <param name="SegmentIds">Only these segments of it (each still left in it); none: everything left in it.</param>
/// <param name="Reason">Told to the volunteer and kept in the history (at most 500 characters); optional.</param>
public sealed record TakeBackRequest(IReadOnlyList<Guid>? SegmentIds = null, string? Reason = null);

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
        claims.MapGet("/", InProgress).WithName("ClaimsInProgress").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem();
        claims.MapPost("/{claimId}/take-back", TakeBack).WithName("TakeBackClaim").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem();
        routes.MapPost("/projects/{projectId}/claims", ClaimInProject).WithName("ClaimNextInProject").WithTags("Claims").ProducesValidationProblem()
            .WithMetadata(ProjectAccess.ChecksLanguageRight.Instance)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapGet("/me/claims", Mine).WithName("MyClaims").WithTags("Claims");
        routes.MapGet("/projects/{projectId}/documents/{documentId}/assignments/proposal", ProposeAssignments).WithName("ProposeAssignments")
            .WithTags("Claims").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapPost("/projects/{projectId}/documents/{documentId}/assignments", Assign).WithName("AssignWork")
            .WithTags("Claims").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Your live claims and review batches, soonest ending first, each with the segments left in it.</summary>
    /// <remarks>A claim's segments left are those not handed in yet; a review batch's, those not decided on yet. Released, expired and finished ones (nothing left) are not listed; GET /api/me/work (the same read model, MyWork) also lists those lately run out.</remarks>
    internal static async Task<Ok<IReadOnlyList<LiveClaim>>> Mine(ClaimsPrincipal caller, Domain.Work.MyWork work, CancellationToken cancellationToken) =>
        TypedResults.Ok(await work.LiveClaimsAsync(caller.AccountId(), cancellationToken));

    /// <summary>Extend your live claim (or review batch) by the lease length from now (activity keeps work yours).</summary>
    /// <remarks>
    /// At most 14 days from the claim, or its batch deadline when a coordinator set one.
    /// </remarks>
    internal static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> Renew(
        Guid projectId, Guid documentId, Guid claimId, ClaimsPrincipal caller, ClaimLeases leases, CancellationToken cancellationToken)
    {
        var renewed = await leases.RenewAsync(projectId, documentId, claimId, caller.AccountId(), cancellationToken);
        return renewed.Succeeded ? TypedResults.Ok(ClaimResponse.From(renewed.Value)) : renewed.Error.ToProblem();
    }

    /// <summary>Give the claim's unfinished segments back; what was handed in stays handed in.</summary>
    /// <remarks>
    /// Drafts left in it stay in the history and are offered to the next translator as suggestions.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Release(
        Guid projectId, Guid documentId, Guid claimId, ClaimsPrincipal caller, ClaimLeases leases, CancellationToken cancellationToken)
    {
        var released = await leases.ReleaseAsync(documentId, claimId, caller.AccountId(), cancellationToken);
        return released.Succeeded ? TypedResults.NoContent() : released.Error.ToProblem();
    }

    /// <summary>Who holds which part of a document in one language now: its live claims and review batches with what is left of them.</summary>
    /// <remarks>
    /// Coordinators, secretariat and admins. Soonest ending first; each with the volunteer by name, the segments left (and their
    /// words), how many of them carry a draft, and the batch deadline a coordinator set, if any.
    /// </remarks>
    internal static async Task<Results<Ok<IReadOnlyList<ClaimInProgress>>, ProblemHttpResult>> InProgress(
        Guid projectId, Guid documentId, string? language, TranslationDb db, ClaimTakeBack takeBack, CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        return found.Succeeded
            ? TypedResults.Ok(await takeBack.InProgressAsync(documentId, found.Value.Language, cancellationToken))
            : found.Error.ToProblem();
    }

    /// <summary>Take a claim or review batch (or chosen segments of it) back from its volunteer.</summary>
    /// <remarks>
    /// Coordinators, secretariat and admins. The segments go back to the pool (a review batch's to the review queue) as when a lease
    /// runs out: what was handed in stays handed in, and drafts are kept in the history and offered to the next translator. The
    /// history and the activity feed name who took it back; the volunteer is notified (with the reason, if given). Without
    /// segmentIds everything left is taken back and the claim ends; with them, the volunteer keeps the rest.
    /// </remarks>
    internal static async Task<Results<Ok<TakenBack>, ProblemHttpResult>> TakeBack(Guid projectId, Guid documentId, Guid claimId, TakeBackRequest? request,
        ClaimsPrincipal caller, TranslationDb db, ClaimTakeBack takeBack, CancellationToken cancellationToken)
    {
        if (request?.SegmentIds is { Count: > 1_000 })
        {
            return Domain.Common.InvalidInputError.ForField("segmentIds", "At most 1,000 segments at once.").ToProblem();
        }
        var taken = await takeBack.TakeBackAsync(projectId, documentId, claimId, request?.SegmentIds, request?.Reason, caller.AccountId(),
            await caller.DisplayNameAsync(db, cancellationToken), cancellationToken);
        return taken.Succeeded ? TypedResults.Ok(taken.Value) : taken.Error.ToProblem();
    }

    /// <summary>Preview of the balancing policy for one document × language: open work in batches and who would take each.</summary>
    /// <remarks>
    /// Coordinators, secretariat and admins. Each batch names the volunteer it would go to, or why nobody can take it (no right, not
    /// available, at capacity). Changes nothing.
    /// </remarks>
    internal static async Task<Results<Ok<IReadOnlyList<Domain.Balancing.ProposedBatch>>, ProblemHttpResult>> ProposeAssignments(
        Guid projectId, Guid documentId, string? language, Domain.Balancing.WorkBalancer balancer, CancellationToken cancellationToken)
    {
        var proposal = await balancer.ProposeAsync(projectId, documentId, language, cancellationToken);
        return proposal.Succeeded ? TypedResults.Ok(proposal.Value) : proposal.Error.ToProblem();
    }

    /// <summary>Hand work to volunteers as claims or review batches in their name.</summary>
    /// <remarks>
    /// Coordinators, secretariat and admins. Without assignments the balancing proposal is applied as it stands; batches given override
    /// it. A batch that would take a volunteer past their weekly capacity is refused. Segments taken meanwhile are skipped and listed;
    /// each volunteer is notified.
    /// </remarks>
    internal static async Task<Results<Ok<IReadOnlyList<Domain.Balancing.AssignedBatch>>, ProblemHttpResult>> Assign(
        Guid projectId, Guid documentId, AssignRequest request, ClaimsPrincipal caller, Domain.Balancing.WorkAssignment assignment, TranslationDb db,
        CancellationToken cancellationToken)
    {
        if (request.Assignments is { Count: > 200 } || request.Assignments?.Any(a => a.SegmentIds is null || a.SegmentIds.Count is 0 or > 1_000) == true)
        {
            return Domain.Common.InvalidInputError.ForField("assignments", "At most 200 batches of 1 to 1,000 segments each.").ToProblem();
        }
        var byHand = new List<Domain.Balancing.AssignmentRequest>();
        foreach (var (given, i) in (request.Assignments ?? []).Select((a, i) => (a, i)))
        {
            var volunteer = await AccountByEmail.ResolveAsync(db, $"assignments[{i}].volunteerId", given.VolunteerId, cancellationToken);
            if (!volunteer.Succeeded)
            {
                return volunteer.Error.ToProblem();
            }
            byHand.Add(new Domain.Balancing.AssignmentRequest(volunteer.Value, given.Kind, given.SegmentIds!, given.DueAt));
        }
        var by = Domain.Balancing.AssignedBy.Coordinator(await caller.DisplayNameAsync(db, cancellationToken));
        var assigned = byHand.Count > 0
            ? await assignment.AssignAsync(projectId, documentId, request.Language, by, byHand, cancellationToken)
            : await assignment.ApplyProposalAsync(projectId, documentId, request.Language, by, cancellationToken);
        return assigned.Succeeded ? TypedResults.Ok(assigned.Value) : assigned.Error.ToProblem();
    }

    /// <summary>Claim the next batch anywhere in the project in one language.</summary>
    /// <remarks>
    /// In the document whose deadline comes first (then by path) that has open work; needs the translate right in the language. The
    /// same capacity rule as a batch in one document applies: what you hold stays within your weekly capacity and the project's cap.
    /// </remarks>
    internal static async Task<Results<Created<ClaimResponse>, ProblemHttpResult>> ClaimInProject(
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

    /// <summary>Claim the next batch, chosen segments, or a whole paragraph, as a lease.</summary>
    /// <remarks>
    /// Needs the translate right in the language. The next batch is the first open segments in document order up to a word budget (your
    /// profile's capacity sizes it when you give none); what you hold stays within your weekly capacity and the project's cap. Chosen
    /// segments and paragraphs are all or nothing. The lease lasts 48 hours and activity extends it.
    /// </remarks>
    internal static async Task<Results<Created<ClaimResponse>, ProblemHttpResult>> ClaimNextBatch(
        Guid projectId, Guid documentId, ClaimRequest request, ClaimsPrincipal caller, TranslationDb db, ClaimNext claims,
        CancellationToken cancellationToken)
    {
        if (request.Words is < 1 or > 100_000)
        {
            return Domain.Common.InvalidInputError.ForField("words", "A batch's word budget is between 1 and 100,000.").ToProblem();
        }
        var volunteer = caller.AccountId();
        // The right and the volunteer's profile (which sizes the batch and the cap) in one round trip.
        var found = await DocumentLanguage.FindForWithProfileAsync(db, projectId, documentId, request.Language, volunteer, LanguageRight.Translate,
            cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        if (request.SegmentIds is { Count: > 500 })
        {
            return Domain.Common.InvalidInputError.ForField("segmentIds", "At most 500 segments in one claim.").ToProblem();
        }
        var (target, profile) = found.Value;
        var batch = request.SegmentIds is { Count: > 0 } || request.Paragraph is not null
            ? await claims.ClaimChosenAsync(volunteer, target, profile, request.SegmentIds, request.Paragraph, cancellationToken)
            : await claims.ClaimAsync(volunteer, target, profile, request.Words, cancellationToken);
        if (!batch.Succeeded)
        {
            return batch.Error.ToProblem();
        }
        return TypedResults.Created($"/api/projects/{projectId}/documents/{documentId}/claims/{batch.Value.ClaimId}", ClaimResponse.From(batch.Value));
    }
}
