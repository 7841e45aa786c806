using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.People;

/// <summary>
/// Who uses the coordinators' and secretariat's pages: the JSON API's staff rule (<see cref="ProjectAccess"/>) answered
/// for a page, as an error page rather than a bare status.
/// </summary>
public static class StaffAccess
{
    public sealed record NotStaff() : ForbiddenError("Not for your role", "These pages are for coordinators, the secretariat and admins.");

    public sealed record NotPublisher() : ForbiddenError("Not for your role", "Signing off and publishing are for the secretariat and admins.");

    public static DomainError? Problem(HttpContext http) => ProjectAccess.IsStaff(http.User) ? null : new NotStaff();

    public static async Task<DomainError?> ProjectProblemAsync(TranslationDb db, HttpContext http, Guid projectId)
    {
        if (Problem(http) is { } notStaff)
        {
            return notStaff;
        }
        return await db.Projects.AnyAsync(p => p.Id == projectId, http.RequestAborted) ? null : new ProjectNotFound(projectId);
    }

    public static bool MayPublish(HttpContext http) =>
        http.User.IsInRole(Domain.Accounts.Roles.Admin) || http.User.IsInRole(Domain.Accounts.Roles.Secretariat);
}
