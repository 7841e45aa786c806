using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Publishing;

/// <param name="Languages">The languages to publish; none: all the project's target languages. Fewer than all is a subset.</param>
/// <param name="DocumentIds">The documents (papers); none: every document of the project.</param>
/// <param name="Subset">Publish what is approved of these languages without the publish gate (every required language
/// approved and the secretariat's sign-off); a document × language not approved in full is still left out.</param>
public sealed record PublicationRequest(IReadOnlyList<string>? Languages, IReadOnlyList<Guid>? DocumentIds, bool? Subset = null);

/// <param name="RequestedBy">Who asked for it (their account id); <paramref name="RequestedByName"/> is how people see them.</param>
public sealed record PublicationResponse(Guid Id, int Number, PublicationStatus Status, IReadOnlyList<string> Languages, IReadOnlyList<Guid> DocumentIds,
    Guid RequestedBy, string RequestedByName, DateTimeOffset RequestedAt, string? Branch, string? CommitSha, string? TreeSha, int? PullRequestNumber, string? PullRequestUrl,
    IReadOnlyList<PublishedFile> Files, IReadOnlyList<LeftOut> LeftOut, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? CompletedAt)
{
    public static async Task<List<PublicationResponse>> ReadAsync(TranslationDb db, IReadOnlyList<Publication> publications, CancellationToken cancellationToken)
    {
        var names = await AccountNames.ReadAsync(db, publications.Select(p => p.RequestedBy), cancellationToken);
        return [.. publications.Select(p => new PublicationResponse(p.Id, p.Number, p.Status, p.Languages, p.DocumentIds, p.RequestedBy,
            names.GetValueOrDefault(p.RequestedBy, ""), p.RequestedAt, p.Branch, p.CommitSha, p.TreeSha, p.PullRequestNumber, p.PullRequestUrl, p.Files,
            p.LeftOut, p.Attempts, p.LastError, p.NextAttemptAt, p.CompletedAt))];
    }
}

public sealed record PublicationNotFound(Guid ProjectId, Guid PublicationId) : NotFoundError("No such publication",
    $"Project '{ProjectId}' has no publication '{PublicationId}'.");

public static class PublicationsApi
{
    public static IEndpointRouteBuilder MapPublications(this IEndpointRouteBuilder routes)
    {
        var publications = routes.MapGroup("/projects/{projectId}/publications").WithTags("Publications").ProducesProblem(StatusCodes.Status404NotFound);
        publications.MapPost("/", Publish).WithName("Publish").RequireAuthorization(Policies.Publish)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        publications.MapGet("/", List).WithName("ListPublications");
        publications.MapGet("/{publicationId}", GetPublication).WithName("GetPublication");
        return routes;
    }

    /// <summary>Publish approved translations to the repository in one commit.</summary>
    /// <remarks>
    /// Secretariat and admins. Whole papers go through the publish gate (every required language approved in full, and signed off);
    /// subset=true publishes the languages named explicitly. The Worker does it: follow the publication's status.
    /// </remarks>
    internal static async Task<Results<Accepted<PublicationResponse>, ProblemHttpResult>> Publish(
        Guid projectId, PublicationRequest request, ClaimsPrincipal caller, TranslationDb db, IBackgroundJobClient jobs, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var requested = await PublishGate.RequestAsync(db, projectId, request.Languages, request.DocumentIds, request.Subset ?? false,
            caller.AccountId(), clock.GetUtcNow(), cancellationToken);
        if (!requested.Succeeded)
        {
            return requested.Error.ToProblem();
        }
        var publication = requested.Value;
        jobs.Enqueue<IPublishTranslations>(job => job.RunAsync(publication.Id, CancellationToken.None));
        return TypedResults.Accepted($"/api/projects/{projectId}/publications/{publication.Id}",
            (await PublicationResponse.ReadAsync(db, [publication], cancellationToken)).Single());
    }

    /// <summary>The project's publications, newest first (the last 100).</summary>
    /// <remarks>
    /// Each with its status, branch, commit, pull request, files and what was left out and why.
    /// </remarks>
    internal static async Task<Ok<IReadOnlyList<PublicationResponse>>> List(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        var publications = await db.Publications.AsNoTracking().Where(p => p.ProjectId == projectId).OrderByDescending(p => p.Number).Take(100)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PublicationResponse>>(await PublicationResponse.ReadAsync(db, publications, cancellationToken));
    }

    /// <summary>One publication and how it went.</summary>
    /// <remarks>
    /// Queued, waiting (rate-limited, with when it tries again), published, unchanged or failed with the reason.
    /// </remarks>
    internal static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult>> GetPublication(Guid projectId, Guid publicationId, TranslationDb db,
        CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == publicationId && p.ProjectId == projectId, cancellationToken);
        return publication is null
            ? new PublicationNotFound(projectId, publicationId).ToProblem()
            : TypedResults.Ok((await PublicationResponse.ReadAsync(db, [publication], cancellationToken)).Single());
    }
}
