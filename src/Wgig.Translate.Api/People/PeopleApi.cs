using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.People;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.People;

/// <summary>
/// The people directory for staff: everyone in the instance (GET /api/people) or in one project
/// (GET /api/projects/{id}/people), with roles, rights, languages and levels, capacity, load, lapses and last activity.
/// </summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/people", (string? q, string? language, string? role, string? status, int? page, int? pageSize, ClaimsPrincipal caller,
                TranslationDb db, PeopleDirectory people, CancellationToken ct) => ListAsync(null, q, language, role, status, page, pageSize, caller, db, people, ct))
            .WithTags("People").WithName("ListPeople")
            .WithSummary("The people directory of the whole instance.")
            .WithDescription("Everyone the caller may see (admins: everyone; coordinators and the secretariat: the people of the projects they are staff of), with roles, rights per language, languages and levels, capacity, load, lapses and last activity; search by name or e-mail (q), filter by language, role and status (active or paused); paged.").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem();
        routes.MapGet("/projects/{projectId}/people", (Guid projectId, string? q, string? language, string? role, string? status, int? page, int? pageSize,
                ClaimsPrincipal caller, TranslationDb db, PeopleDirectory people, CancellationToken ct) =>
                ListAsync(projectId, q, language, role, status, page, pageSize, caller, db, people, ct))
            .WithTags("People").WithName("ListProjectPeople")
            .WithSummary("The people of one project.")
            .WithDescription("The project's staff and everyone holding a right in one of its languages, with the same columns, search and filters as the instance directory; staff of the project and admins.").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static async Task<Results<Ok<PeoplePage>, ProblemHttpResult>> ListAsync(Guid? projectId, string? q, string? language, string? role, string? status,
        int? page, int? pageSize, ClaimsPrincipal caller, TranslationDb db, PeopleDirectory people, CancellationToken cancellationToken)
    {
        if (projectId is { } id && !await db.Projects.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return new ProjectNotFound(id).ToProblem();
        }
        var query = PeopleQuery.Parse(projectId, q, language, role, status, page, pageSize);
        if (!query.Succeeded)
        {
            return query.Error.ToProblem();
        }
        return TypedResults.Ok(await people.ReadAsync(query.Value, PeopleScope.For(db, caller), cancellationToken));
    }
}

/// <summary>Whose people a staff member sees: the one place the directory's scope is decided, for the API and the pages.</summary>
public static class PeopleScope
{
    /// <summary>The projects whose people the caller may list: an admin everyone (null), coordinators and the secretariat the projects they are staff of.</summary>
    public static IQueryable<Guid>? For(TranslationDb db, ClaimsPrincipal caller)
    {
        if (ProjectAccess.IsAdmin(caller))
        {
            return null;
        }
        var me = caller.AccountId();
        return db.ProjectStaff.Where(s => s.AccountId == me).Select(s => s.ProjectId);
    }
}
