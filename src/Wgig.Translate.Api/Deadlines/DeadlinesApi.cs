using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Deadlines;

public sealed record DeadlineRequest(DateTimeOffset? DueAt);

public sealed record DeadlineResponse(Guid DocumentId, string Language, DateTimeOffset DueAt, Guid SetBy, DateTimeOffset SetAt,
    ForecastStatus Status, DateTimeOffset? ProjectedFinish, DateTimeOffset? ForecastAt)
{
    public static DeadlineResponse From(Deadline d) => new(d.DocumentId, d.Language, d.DueAt, d.SetBy, d.SetAt, d.Status, d.ProjectedFinish, d.ForecastAt);
}

public sealed record NoDeadline(Guid DocumentId, string Language) : NotFoundError("No deadline", $"Document '{DocumentId}' has no deadline in '{Language}'.");

public static class DeadlinesApi
{
    public static IEndpointRouteBuilder MapDeadlines(this IEndpointRouteBuilder routes)
    {
        var deadlines = routes.MapGroup("/projects/{projectId}/documents/{documentId}/deadlines/{language}").WithTags("Deadlines")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        deadlines.MapGet("/", Get).WithName("GetDeadline");
        deadlines.MapPut("/", Set).WithName("SetDeadline").RequireAuthorization(Policies.ManageProjects);
        return routes;
    }

    /// <summary>The deadline of a document in one language and the Worker's latest forecast for it.</summary>
    /// <remarks>
    /// The forecast is on track, at risk or done, from the last fortnight's velocity; a document without a deadline is a 404.
    /// </remarks>
    internal static async Task<Results<Ok<DeadlineResponse>, ProblemHttpResult>> Get(
        Guid projectId, Guid documentId, string language, TranslationDb db, CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var deadline = await db.Deadlines.AsNoTracking().SingleOrDefaultAsync(d => d.DocumentId == documentId && d.Language == found.Value.Language, cancellationToken);
        return deadline is null ? new NoDeadline(documentId, found.Value.Language).ToProblem() : TypedResults.Ok(DeadlineResponse.From(deadline));
    }

    /// <summary>Set or move the deadline of a document in one language.</summary>
    /// <remarks>
    /// Coordinators, secretariat and admins. The Worker forecasts it hourly and follows the project's escalation ladder as it nears and
    /// passes.
    /// </remarks>
    internal static async Task<Results<Ok<DeadlineResponse>, ProblemHttpResult>> Set(
        Guid projectId, Guid documentId, string language, DeadlineRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var deadline = await Domain.Deadlines.Deadlines.SetAsync(db, projectId, documentId, language, request.DueAt, caller.AccountId(), clock.GetUtcNow(),
            cancellationToken);
        return deadline.Succeeded ? TypedResults.Ok(DeadlineResponse.From(deadline.Value)) : deadline.Error.ToProblem();
    }
}
