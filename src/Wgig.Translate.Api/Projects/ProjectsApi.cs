using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Projects;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder routes)
    {
        var projects = routes.MapGroup("/projects").WithTags("Projects");
        projects.MapPost("/", Create).WithName("CreateProject").RequireAuthorization(Policies.ManageProjects).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        projects.MapGet("/", List).WithName("ListProjects").ProducesValidationProblem();
        projects.MapGet("/{projectId}", Get).WithName("GetProject").ProducesProblem(StatusCodes.Status404NotFound);
        projects.MapPut("/{projectId}/ladder", ChangeLadder).WithName("ChangeEscalationLadder").RequireAuthorization(Policies.ManageProjects)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        return routes;
    }

    /// <summary>Create a project (coordinators, secretariat, admins); whoever creates it becomes its staff.</summary>
    private static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> Create(
        CreateProjectRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var project = Project.Create(request.Name, request.SourceLanguage, request.TargetLanguages, clock.GetUtcNow());
        if (!project.Succeeded)
        {
            return project.Error.ToProblem();
        }
        if (await db.Projects.AnyAsync(p => p.NormalizedName == project.Value.NormalizedName, cancellationToken))
        {
            return new ProjectNameTaken(project.Value.Name).ToProblem();
        }
        db.Projects.Add(project.Value);
        db.ProjectStaff.Add(ProjectStaff.Add(project.Value.Id, caller.AccountId(), caller.AccountId(), clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two requests raced past the check above; the unique index decided.
            return new ProjectNameTaken(project.Value.Name).ToProblem();
        }
        return TypedResults.Created($"/api/projects/{project.Value.Id}", ProjectResponse.From(project.Value));
    }

    private static async Task<Results<Ok<Paged<ProjectResponse>>, ProblemHttpResult>> List(
        [AsParameters] PageRequest paging, ClaimsPrincipal caller, TranslationDb db, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var visible = ProjectAccess.VisibleProjectIds(db, caller);
        var projects = db.Projects.Where(p => visible.Contains(p.Id));
        var total = await projects.CountAsync(cancellationToken);
        var items = await projects.AsNoTracking()
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<ProjectResponse>([.. items.Select(ProjectResponse.From)], paging.Number, paging.Size, total));
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Get(
        Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        return project is null
            ? new ProjectNotFound(projectId).ToProblem()
            : TypedResults.Ok(ProjectResponse.From(project));
    }

    /// <summary>
    /// Set the project's escalation ladder: reminders before claims and deadlines end, the overdue notice,
    /// reassignment of lapsed work to a backup volunteer, and coordinator alerts (coordinators, admins).
    /// </summary>
    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ChangeLadder(
        Guid projectId, EscalationLadderRequest request, TranslationDb db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var ladder = EscalationLadder.Create(request.RemindBeforeClaimEnds, request.RemindBeforeDeadline, request.OverdueNotice ?? true,
            request.ReassignLapsedWork ?? true, request.AlertCoordinators ?? true);
        if (!ladder.Succeeded)
        {
            return ladder.Error.ToProblem();
        }
        project.ChangeLadder(ladder.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProjectResponse.From(project));
    }
}
