using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>
/// Who sees a project's pages: the rule of <see cref="ProjectAccess"/> for the JSON API, answered for a
/// page (a project that does not exist reads as not found, one the viewer holds no right in as forbidden).
/// </summary>
public static class WebAccess
{
    public sealed record NotAMember(Guid ProjectId)
        : ForbiddenError("Not a member", "You hold no right in this project; a coordinator can add you to it.");

    public static async Task<DomainError?> ProjectProblemAsync(TranslationDb db, HttpContext http, Guid projectId)
    {
        if (await ProjectAccess.VisibleProjectIds(db, http.User).AnyAsync(id => id == projectId, http.RequestAborted))
        {
            return null;
        }
        return await db.Projects.AnyAsync(p => p.Id == projectId, http.RequestAborted) ? new NotAMember(projectId) : new ProjectNotFound(projectId);
    }
}
