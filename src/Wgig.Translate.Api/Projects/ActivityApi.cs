using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Activity;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Projects;

public static class ActivityApi
{
    public static IEndpointRouteBuilder MapActivity(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/projects/{projectId}/activity", List).WithTags("Activity").WithName("ProjectActivity")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>The project's activity feed, newest first: imports, claims, submissions, reviews and publications.</summary>
    /// <remarks>
    /// Imports say what a new version did, with a warning when it sent approved translations back to "needs update";
    /// workflow steps are grouped per person, document, language and hour. Anyone who may see the project may read it.
    /// </remarks>
    /// <param name="documentId">Only what concerns this document.</param>
    /// <param name="days">How far back to look, in days (1 to 366; default 30).</param>
    internal static async Task<Results<Ok<Paged<ActivityEntry>>, ProblemHttpResult>> List(Guid projectId, [AsParameters] PageRequest paging, Guid? documentId,
        int? days, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        if (days is < 1 or > 366)
        {
            return InvalidInputError.ForField("days", $"days is between 1 and 366; got {days}.").ToProblem();
        }
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var (items, total) = await ProjectActivity.ReadAsync(db, projectId, documentId, clock.GetUtcNow().AddDays(-(days ?? 30)), paging.Skip, paging.Size,
            cancellationToken);
        return TypedResults.Ok(new Paged<ActivityEntry>(items, paging.Number, paging.Size, total));
    }
}
