using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.People;

/// <summary>
/// Who uses the coordinators' and secretariat's pages: the JSON API's staff rule (<see cref="ProjectAccess"/>: staff of
/// the project, or an admin) answered for a page, as an error page rather than a bare status.
/// </summary>
public static class StaffAccess
{
    public sealed record NotStaff() : ForbiddenError("Not for your role", "These pages are for coordinators, the secretariat and admins.");

    public sealed record NotStaffOfProject(Guid ProjectId) : ForbiddenError("Not your project",
        "You are not staff of this project; its coordinators can make you staff of it.");

    public sealed record NotPublisher() : ForbiddenError("Not for your role", "Signing off and publishing are for the secretariat and admins.");

    public sealed record NotYourVolunteer(Guid AccountId) : ForbiddenError("Not your volunteer",
        "This person works in none of the projects you are staff of.");

    /// <summary>Pages about no one project (the projects, the people of all one's projects): a staff role is enough.</summary>
    public static DomainError? Problem(HttpContext http) => ProjectAccess.HasStaffRole(http.User) ? null : new NotStaff();

    public static async Task<DomainError?> ProjectProblemAsync(TranslationDb db, HttpContext http, Guid projectId)
    {
        if (Problem(http) is { } notStaff)
        {
            return notStaff;
        }
        if (await ProjectAccess.IsStaffOfAsync(db, http.User, projectId, http.RequestAborted))
        {
            return null;
        }
        return await db.Projects.AnyAsync(p => p.Id == projectId, http.RequestAborted) ? new NotStaffOfProject(projectId) : new ProjectNotFound(projectId);
    }

    /// <summary>Pausing and resuming someone: staff over that person (an admin, or staff of a project they work in).</summary>
    public static async Task<DomainError?> AccountProblemAsync(TranslationDb db, HttpContext http, Guid accountId)
    {
        if (Problem(http) is { } notStaff)
        {
            return notStaff;
        }
        if (await ProjectAccess.MayManageAccountAsync(db, http.User, accountId, http.RequestAborted))
        {
            return null;
        }
        return await db.Users.AnyAsync(a => a.Id == accountId, http.RequestAborted) ? new NotYourVolunteer(accountId) : new AccountNotFound(accountId);
    }

    public static bool MayPublish(HttpContext http) =>
        http.User.IsInRole(Domain.Accounts.Roles.Admin) || http.User.IsInRole(Domain.Accounts.Roles.Secretariat);
}
