using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>
/// Who sees and who runs a project. Staff roles are per project: coordinators and the secretariat act only on the
/// projects they are staff of (<see cref="Domain.Projects.ProjectStaff"/>; whoever creates a project becomes its
/// staff), admins on every project. A volunteer sees the projects they hold a language right in. This class is the
/// one home of "may this caller act as staff on this project": the authorization policies for staff endpoints
/// (<see cref="ProjectStaffRequirement"/>) and the visibility filter on every /projects/{projectId} endpoint ask it.
/// Rights for one language (translate, review) are then checked by <c>DocumentLanguage.FindForAsync</c>.
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

    public static bool IsAdmin(ClaimsPrincipal caller) => caller.IsInRole(Roles.Admin);

    /// <summary>Whether the caller's role is a staff role at all (what kind of staff they may be made).</summary>
    public static bool HasStaffRole(ClaimsPrincipal caller) =>
        IsAdmin(caller) || caller.IsInRole(Roles.Coordinator) || caller.IsInRole(Roles.Secretariat);

    /// <summary>Whether the caller may act as staff on the project: an admin, or a coordinator or secretariat account made its staff.</summary>
    public static async Task<bool> IsStaffOfAsync(TranslationDb db, ClaimsPrincipal caller, Guid projectId, CancellationToken cancellationToken)
    {
        if (IsAdmin(caller))
        {
            return true;
        }
        if (!HasStaffRole(caller))
        {
            return false;
        }
        var me = caller.AccountId();
        return await db.ProjectStaff.AnyAsync(s => s.ProjectId == projectId && s.AccountId == me, cancellationToken);
    }

    /// <summary>The projects a caller sees, as a filter on a query of project ids.</summary>
    public static IQueryable<Guid> VisibleProjectIds(TranslationDb db, ClaimsPrincipal caller)
    {
        if (IsAdmin(caller))
        {
            return db.Projects.Select(p => p.Id);
        }
        var me = caller.AccountId();
        var member = db.ProjectMembers.Where(m => m.AccountId == me && (m.CanTranslate || m.CanReview)).Select(m => m.ProjectId);
        return HasStaffRole(caller) ? member.Union(db.ProjectStaff.Where(s => s.AccountId == me).Select(s => s.ProjectId)) : member;
    }

    /// <summary>
    /// Whether staff may act on someone's account (read their profile, pause them): admins on anyone; coordinators and
    /// the secretariat on people who work in (hold a right in, or are staff of) a project they are staff of.
    /// </summary>
    public static async Task<bool> MayManageAccountAsync(TranslationDb db, ClaimsPrincipal caller, Guid accountId, CancellationToken cancellationToken)
    {
        if (IsAdmin(caller))
        {
            return true;
        }
        var me = caller.AccountId();
        var mine = db.ProjectStaff.Where(s => s.AccountId == me).Select(s => s.ProjectId);
        return HasStaffRole(caller)
            && (await db.ProjectMembers.AnyAsync(m => m.AccountId == accountId && mine.Contains(m.ProjectId), cancellationToken)
                || await db.ProjectStaff.AnyAsync(s => s.AccountId == accountId && mine.Contains(s.ProjectId), cancellationToken));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true || IsAdmin(http.User)
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
        detail: $"You hold no right in project '{projectId}' and are not its staff; a coordinator of the project can add you to it.");
}

/// <summary>Staff endpoints of a project (/projects/{projectId}/…) need the caller to be staff of that project.</summary>
public sealed class ProjectStaffRequirement : IAuthorizationRequirement;

public sealed class ProjectStaffHandler(TranslationDb db) : AuthorizationHandler<ProjectStaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProjectStaffRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (http?.GetRouteValue("projectId") is not string raw)
        {
            context.Succeed(requirement); // not about one project (creating one): the role decides
            return;
        }
        if (!Guid.TryParse(raw, out var projectId)
            || await ProjectAccess.IsStaffOfAsync(db, context.User, projectId, http.RequestAborted)
            || !await db.Projects.AnyAsync(p => p.Id == projectId, http.RequestAborted))
        {
            context.Succeed(requirement); // a bad id or a project that does not exist is the endpoint's 400 or 404
        }
    }
}

/// <summary>Staff endpoints about one account (/accounts/{accountId}/…): the caller must be staff over that person.</summary>
public sealed class AccountStaffFilter(TranslationDb db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue("accountId") as string, out var accountId)
            || await ProjectAccess.MayManageAccountAsync(db, http.User, accountId, http.RequestAborted)
            || !await db.Users.AnyAsync(a => a.Id == accountId, http.RequestAborted))
        {
            return await next(context);
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your volunteer",
            detail: $"Account '{accountId}' works in none of the projects you are staff of.");
    }
}
