using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Projects;

public sealed record StaffResponse(Guid AccountId, string DisplayName, IReadOnlyList<string> Roles, Guid AddedBy, string AddedByName, DateTimeOffset AddedAt);

public sealed record NotStaffMaterial(Guid AccountId) : InvalidInputError("Not a staff account",
    $"Account '{AccountId}' is a volunteer; only coordinator and secretariat accounts are made staff of a project (an admin invites them).",
    new Dictionary<string, string[]> { ["accountId"] = ["Not a coordinator or secretariat account."] });

public sealed record LastStaff(Guid ProjectId) : ConflictError("Last staff member",
    $"Project '{ProjectId}' would be left without staff; add someone else first.");

/// <summary>
/// A project's staff: the coordinator and secretariat accounts that run it (admins run every project without being
/// listed). Its staff add and remove staff; who may be staff is the account's role, which only an admin gives.
/// </summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapProjectStaff(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/projects/{projectId}/staff").WithTags("Projects").RequireAuthorization(Policies.ManageProjects)
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapGet("/", List).WithName("ListProjectStaff");
        staff.MapPut("/{accountId}", Add).WithName("AddProjectStaff").ProducesValidationProblem();
        staff.MapDelete("/{accountId}", Remove).WithName("RemoveProjectStaff").ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>List the project's staff: the coordinator and secretariat accounts that run it.</summary>
    /// <remarks>
    /// The project's staff and admins. Each entry says who added the account and when; admins run every project without being listed.
    /// </remarks>
    internal static async Task<Results<Ok<List<StaffResponse>>, ProblemHttpResult>> List(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var staff = await db.ProjectStaff.Where(s => s.ProjectId == projectId).OrderBy(s => s.AddedAt)
            .Select(s => new StaffResponse(s.AccountId, db.Users.Where(a => a.Id == s.AccountId).Select(a => a.DisplayName).Single(),
                db.UserRoles.Where(r => r.UserId == s.AccountId).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!).ToList(),
                s.AddedBy, db.Users.Where(a => a.Id == s.AddedBy).Select(a => a.DisplayName).FirstOrDefault() ?? "", s.AddedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(staff);
    }

    /// <summary>Make a coordinator or secretariat account staff of the project.</summary>
    /// <remarks>
    /// The project's staff and admins. A volunteer account is refused (400): who may be staff is the account's role, which only an
    /// admin gives. Adding someone already on the staff changes nothing. The answer is the staff list.
    /// </remarks>
    internal static async Task<Results<Ok<List<StaffResponse>>, ProblemHttpResult>> Add(Guid projectId, Guid accountId, ClaimsPrincipal caller, TranslationDb db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var roles = await db.UserRoles.Where(r => r.UserId == accountId).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!)
            .ToListAsync(cancellationToken);
        if (!await db.Users.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return new AccountNotFound(accountId).ToProblem();
        }
        if (!roles.Any(r => r is Roles.Coordinator or Roles.Secretariat or Roles.Admin))
        {
            return new NotStaffMaterial(accountId).ToProblem();
        }
        if (!await db.ProjectStaff.AnyAsync(s => s.ProjectId == projectId && s.AccountId == accountId, cancellationToken))
        {
            db.ProjectStaff.Add(ProjectStaff.Add(projectId, accountId, caller.AccountId(), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return await List(projectId, db, cancellationToken);
    }

    /// <summary>Take an account off the project's staff.</summary>
    /// <remarks>
    /// The project's staff and admins. The last staff member cannot be removed (409): add someone else first.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid projectId, Guid accountId, TranslationDb db, CancellationToken cancellationToken)
    {
        var staff = await db.ProjectStaff.Where(s => s.ProjectId == projectId).ToListAsync(cancellationToken);
        if (staff.Find(s => s.AccountId == accountId) is not { } leaving)
        {
            return await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken) ? TypedResults.NoContent() : new ProjectNotFound(projectId).ToProblem();
        }
        if (staff.Count == 1)
        {
            return new LastStaff(projectId).ToProblem();
        }
        db.ProjectStaff.Remove(leaving);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
