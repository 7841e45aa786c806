using Microsoft.AspNetCore.Http.HttpResults;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Dashboard;

namespace Wgig.Translate.Api.Dashboard;

/// <summary>The coordinator's dashboard of a project as JSON: what the dashboard page shows, for scripts and other tools.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/projects/{projectId}/dashboard", Read).WithTags("Projects").WithName("ProjectDashboard")
            .RequireAuthorization(Policies.ManageProjects).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<ProjectDashboardView>, ProblemHttpResult>> Read(Guid projectId, ProjectDashboard dashboard, CancellationToken cancellationToken)
    {
        var view = await dashboard.ReadAsync(projectId, cancellationToken);
        return view.Succeeded ? TypedResults.Ok(view.Value) : view.Error.ToProblem();
    }
}
