using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Deadlines;

public sealed record DeadlineRequest(DateTimeOffset? DueAt);

/// <param name="SetBy">Who set it last (their account id); <paramref name="SetByName"/> is how people see them.</param>
public sealed record DeadlineResponse(Guid DocumentId, string Language, DateTimeOffset DueAt, Guid SetBy, string SetByName, DateTimeOffset SetAt,
    ForecastStatus Status, DateTimeOffset? ProjectedFinish, DateTimeOffset? ForecastAt)
{
    public static async Task<DeadlineResponse> ReadAsync(TranslationDb db, Deadline d, CancellationToken cancellationToken)
    {
        var names = await AccountNames.ReadAsync(db, [d.SetBy], cancellationToken);
        return new(d.DocumentId, d.Language, d.DueAt, d.SetBy, names.GetValueOrDefault(d.SetBy, ""), d.SetAt, d.Status, d.ProjectedFinish, d.ForecastAt);
    }
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
        return deadline is null
            ? new NoDeadline(documentId, found.Value.Language).ToProblem()
            : TypedResults.Ok(await DeadlineResponse.ReadAsync(db, deadline, cancellationToken));
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
        return deadline.Succeeded ? TypedResults.Ok(await DeadlineResponse.ReadAsync(db, deadline.Value, cancellationToken)) : deadline.Error.ToProblem();
    }
}
