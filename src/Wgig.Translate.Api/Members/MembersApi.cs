using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Members;

public sealed record RightsRequest(bool CanTranslate, bool CanReview);

/// <param name="Name">The account's display name: people are shown by name.</param>
public sealed record MemberResponse(Guid AccountId, string Name, string Language, bool CanTranslate, bool CanReview, DateTimeOffset GrantedAt)
{
    public static MemberResponse From(ProjectMember member, string name) =>
        new(member.AccountId, name, member.Language, member.CanTranslate, member.CanReview, member.GrantedAt);
}

public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder routes)
    {
        var members = routes.MapGroup("/projects/{projectId}/members").WithTags("Members")
            .RequireAuthorization(Policies.ManageProjects)
            .ProducesProblem(StatusCodes.Status404NotFound);
        members.MapGet("/", List).WithName("ListMembers");
        members.MapPut("/{accountId}/languages/{language}", Grant).WithName("GrantRights").ProducesValidationProblem();
        return routes;
    }

    /// <summary>Every account's rights in the project, per target language.</summary>
    /// <remarks>
    /// Coordinators, secretariat and admins.
    /// </remarks>
    internal static async Task<Results<Ok<List<MemberResponse>>, ProblemHttpResult>> List(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var members = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId)
            .Join(db.Users, m => m.AccountId, a => a.Id, (m, a) => new { Member = m, a.DisplayName })
            .OrderBy(m => m.DisplayName).ThenBy(m => m.Member.AccountId).ThenBy(m => m.Member.Language).ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(m => MemberResponse.From(m.Member, m.DisplayName)).ToList());
    }

    /// <summary>Set what an account may do in one target language of the project: translate, review, both or nothing.</summary>
    /// <remarks>
    /// Staff of the project (coordinators, secretariat) and admins. Taking a right away ends the account's live claims (translate) or
    /// review batches (review) in the language at once; each segment's history says why.
    /// </remarks>
    internal static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Grant(
        Guid projectId, Guid accountId, string language, RightsRequest request, ClaimsPrincipal caller, MemberRights rights, TranslationDb db,
        CancellationToken cancellationToken)
    {
        var member = await rights.SetAsync(projectId, accountId, language, request.CanTranslate, request.CanReview, caller.AccountId(), cancellationToken);
        if (!member.Succeeded)
        {
            return member.Error.ToProblem();
        }
        var name = await db.Users.Where(a => a.Id == accountId).Select(a => a.DisplayName).SingleAsync(cancellationToken);
        return TypedResults.Ok(MemberResponse.From(member.Value, name));
    }
}
