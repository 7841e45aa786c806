using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Members;

public sealed record RightsRequest(bool CanTranslate, bool CanReview);

public sealed record MemberResponse(Guid AccountId, string Language, bool CanTranslate, bool CanReview, DateTimeOffset GrantedAt)
{
    public static MemberResponse From(ProjectMember member) =>
        new(member.AccountId, member.Language, member.CanTranslate, member.CanReview, member.GrantedAt);
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

    private static async Task<Results<Ok<List<MemberResponse>>, ProblemHttpResult>> List(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var members = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId)
            .OrderBy(m => m.AccountId).ThenBy(m => m.Language).ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(MemberResponse.From).ToList());
    }

    /// <summary>
    /// Set what an account may do in one target language of the project. Taking a right away ends the account's live
    /// claims (translate) or review batches (review) in the language at once; each segment's history says why.
    /// </summary>
    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Grant(
        Guid projectId, Guid accountId, string language, RightsRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        if (!LanguageTag.TryNormalize(language, out var target, out _) || !project.TranslatesInto(target))
        {
            return new Domain.Documents.NotATargetLanguage(language, project.TargetLanguages).ToProblem();
        }
        if (!await db.Users.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return new AccountNotFound(accountId).ToProblem();
        }
        var now = clock.GetUtcNow();
        var grantedBy = caller.AccountId();
        var member = await db.ProjectMembers.SingleOrDefaultAsync(m => m.ProjectId == projectId && m.AccountId == accountId && m.Language == target, cancellationToken);
        if (member is null)
        {
            member = ProjectMember.Grant(projectId, accountId, target, grantedBy, now);
            db.ProjectMembers.Add(member);
        }
        var (couldTranslate, couldReview) = (member.CanTranslate, member.CanReview);
        member.SetRights(request.CanTranslate, request.CanReview, grantedBy, now);
        // A right taken away ends the work it allowed, in the same transaction.
        await RightRevocation.EndWorkAsync(db, member, couldTranslate, couldReview, grantedBy, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MemberResponse.From(member));
    }
}
