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
        projects.MapPost("/{projectId}/languages", AddLanguage).WithName("AddTargetLanguage").RequireAuthorization(Policies.ManageProjects)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        projects.MapDelete("/{projectId}/languages/{language}", RemoveLanguage).WithName("RemoveTargetLanguage").RequireAuthorization(Policies.ManageProjects)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Create a project: name, source language and target languages; whoever creates it becomes its staff.</summary>
    /// <remarks>
    /// Coordinators, secretariat and admins. Language tags are BCP 47 and canonicalized (fr-fr becomes fr-FR); the name is unique, case
    /// ignored.
    /// </remarks>
    internal static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> Create(
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

    /// <summary>List the projects you may see, paged, by name.</summary>
    /// <remarks>
    /// Staff see every project; a volunteer sees the projects they hold a translate or review right in.
    /// </remarks>
    internal static async Task<Results<Ok<Paged<ProjectResponse>>, ProblemHttpResult>> List(
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

    /// <summary>Read a project: its languages and escalation ladder.</summary>
    /// <remarks>
    /// For staff and members of the project.
    /// </remarks>
    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Get(
        Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        return project is null
            ? new ProjectNotFound(projectId).ToProblem()
            : TypedResults.Ok(ProjectResponse.From(project));
    }

    /// <summary>Set the project's escalation ladder.</summary>
    /// <remarks>
    /// Reminders before claims and deadlines end (durations, or null for no such step), the overdue notice, reassignment of lapsed work
    /// to a backup volunteer, and coordinator alerts. Coordinators, secretariat and admins.
    /// </remarks>
    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ChangeLadder(
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

    /// <summary>Add a target language to the project.</summary>
    /// <remarks>
    /// A BCP 47 tag (canonicalized), neither the source language nor one the project has. Every current segment gets an untranslated
    /// target in it at once, so its queues, progress and deadlines exist from now; rights in it are granted as for any language.
    /// Coordinators, secretariat and admins.
    /// </remarks>
    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> AddLanguage(
        Guid projectId, TargetLanguageRequest request, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var project = await ProjectLanguages.AddAsync(db, projectId, request.Language, clock.GetUtcNow(), cancellationToken);
        return project.Succeeded ? TypedResults.Ok(ProjectResponse.From(project.Value)) : project.Error.ToProblem();
    }

    /// <summary>Remove a target language from the project, before any work started in it.</summary>
    /// <remarks>
    /// Refused (409) once anyone claimed, drafted, translated or reviewed a segment in it or commented on one: volunteers' work is never
    /// thrown away. A project keeps at least one target language. The rights, deadlines and machine-translation choice of the language go
    /// with it. Coordinators, secretariat and admins.
    /// </remarks>
    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> RemoveLanguage(
        Guid projectId, string language, TranslationDb db, CancellationToken cancellationToken)
    {
        var project = await ProjectLanguages.RemoveAsync(db, projectId, language, cancellationToken);
        return project.Succeeded ? TypedResults.Ok(ProjectResponse.From(project.Value)) : project.Error.ToProblem();
    }
}
