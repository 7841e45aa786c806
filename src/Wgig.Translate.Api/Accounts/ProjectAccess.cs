using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>
/// Who sees a project: the secretariat, coordinators and admins see every project; a volunteer only the
/// projects they hold a right in. Applied to every endpoint under /projects/{projectId}; rights for one
/// language (translate, review) are then checked by the endpoints themselves.
/// </summary>
public sealed class ProjectAccess(TranslationDb db) : IEndpointFilter
{
    /// <summary>
    /// Endpoint metadata: the endpoint checks a right in one language first (<see cref="Domain.Documents.DocumentLanguage.FindForAsync"/>),
    /// which only a member holds. Its answer stands when it succeeds, without a query of its own; when it fails,
    /// a caller who may not see the project still gets "Not a member", not what the endpoint found out.
    /// </summary>
    public sealed class ChecksLanguageRight
    {
        public static ChecksLanguageRight Instance { get; } = new();
    }

    public static bool IsStaff(ClaimsPrincipal caller) =>
        caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.Coordinator) || caller.IsInRole(Roles.Secretariat);

    /// <summary>The projects a caller sees, as a filter on a query of project ids.</summary>
    public static IQueryable<Guid> VisibleProjectIds(TranslationDb db, ClaimsPrincipal caller)
    {
        if (IsStaff(caller))
        {
            return db.Projects.Select(p => p.Id);
        }
        var me = caller.AccountId();
        return db.ProjectMembers.Where(m => m.AccountId == me && (m.CanTranslate || m.CanReview)).Select(m => m.ProjectId);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true || IsStaff(http.User)
            || !Guid.TryParse(http.GetRouteValue("projectId") as string, out var projectId))
        {
            return await next(context);
        }
        if (http.GetEndpoint()?.Metadata.GetMetadata<ChecksLanguageRight>() is not null)
        {
            var answer = await next(context);
            return answer is not IStatusCodeHttpResult { StatusCode: >= 400 } || await VisibleAsync(http, projectId) ? answer : NotAMember(projectId);
        }
        return await VisibleAsync(http, projectId) ? await next(context) : NotAMember(projectId);
    }

    // A project that does not exist is the endpoint's 404.
    private async Task<bool> VisibleAsync(HttpContext http, Guid projectId) =>
        await VisibleProjectIds(db, http.User).AnyAsync(id => id == projectId, http.RequestAborted)
        || !await db.Projects.AnyAsync(p => p.Id == projectId, http.RequestAborted);

    private static ProblemHttpResult NotAMember(Guid projectId) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a member",
        detail: $"You hold no right in project '{projectId}'; a coordinator can add you to it.");
}
