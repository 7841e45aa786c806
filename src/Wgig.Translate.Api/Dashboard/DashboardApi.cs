using Microsoft.AspNetCore.Http.HttpResults;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Activity;
using Wgig.Translate.Domain.Dashboard;

namespace Wgig.Translate.Api.Dashboard;

/// <summary>The coordinator's dashboard of a project as JSON: what the dashboard page shows, for scripts and other tools.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/projects/{projectId}/dashboard", Read).WithTags("Projects").WithName("ProjectDashboard")
            .WithSummary("The coordinator's dashboard of a project.")
            .WithDescription("Progress per document and language in words (exact at the moment of the answer), deadlines with their forecast, claims ending within a day and lapsed this week, and each volunteer's workload against their weekly capacity.")
            .RequireAuthorization(Policies.ManageProjects).ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/projects/{projectId}/activity", Activity).WithTags("Projects").WithName("ProjectActivity")
            .WithDescription("A project's activity, newest first: claims, submissions and reviews grouped per batch, comments, imports (with approved translations a new version sent back to \"needs update\") and publications; filter by kind, language and person; page back with before.")
            .RequireAuthorization(Policies.ManageProjects).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        return routes;
    }

    /// <summary>
    /// The project's activity, newest first: claims, submissions, reviews, comments, imports, publications (filter with
    /// kind, repeatable; language; person, an account id or e-mail address; before, for the next page; limit, at most 200).
    /// </summary>
    internal static async Task<Results<Ok<IReadOnlyList<ActivityEntry>>, ProblemHttpResult>> Activity(Guid projectId, string[]? kind, string? language,
        string? person, DateTimeOffset? before, int? limit, ActivityFeed feed, Domain.Storage.TranslationDb db,
        CancellationToken cancellationToken)
    {
        Guid? personId = null;
        if (!string.IsNullOrWhiteSpace(person))
        {
            var found = await AccountByEmail.ResolveAsync(db, "person", person, cancellationToken);
            if (!found.Succeeded)
            {
                return found.Error.ToProblem();
            }
            personId = found.Value;
        }
        var query = ActivityQuery.Parse(kind, language, personId, before, limit);
        if (!query.Succeeded)
        {
            return query.Error.ToProblem();
        }
        var entries = await feed.ReadAsync(projectId, query.Value, cancellationToken);
        return entries.Succeeded ? TypedResults.Ok(entries.Value) : entries.Error.ToProblem();
    }

    internal static async Task<Results<Ok<ProjectDashboardView>, ProblemHttpResult>> Read(Guid projectId, ProjectDashboard dashboard, CancellationToken cancellationToken)
    {
        var view = await dashboard.ReadAsync(projectId, cancellationToken);
        return view.Succeeded ? TypedResults.Ok(view.Value) : view.Error.ToProblem();
    }
}
