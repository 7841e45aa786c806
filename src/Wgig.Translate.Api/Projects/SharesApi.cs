using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Projects;

/// <param name="SharedWith">Projects that read this project's memory or glossary.</param>
/// <param name="ReadsFrom">Projects whose memory or glossary this project reads.</param>
public sealed record SharesResponse(IReadOnlyList<ShareResponse> SharedWith, IReadOnlyList<ShareResponse> ReadsFrom);

public sealed record ShareResponse(Guid ProjectId, string ProjectName, SharedResource Resource, Guid SharedBy, string SharedByName, DateTimeOffset SharedAt);

public sealed record SameProject(Guid ProjectId) : InvalidInputError("Same project",
    "A project reads its own memory and glossary already; share them with another project.",
    new Dictionary<string, string[]> { ["projectId"] = ["Name another project."] });

/// <summary>Sharing a project's translation memory or glossary with other projects (coordinators): read only for them.</summary>
public static class SharesApi
{
    public static IEndpointRouteBuilder MapShares(this IEndpointRouteBuilder routes)
    {
        var shares = routes.MapGroup("/projects/{projectId}/shares").WithTags("Translation memory")
            .RequireAuthorization(Policies.ManageProjects)
            .ProducesProblem(StatusCodes.Status404NotFound);
        shares.MapGet("/", List).WithName("ListShares")
            .WithSummary("What this project shares with others.").WithDescription("The projects its translation memory and glossary are shared with, each way.");
        shares.MapPut("/{resource}/{otherProjectId}", Share).WithName("Share")
            .WithDescription("Shares this project's memory or glossary (resource) with another project, which then sees it in suggestions, checks and searches; staff of both projects.").ProducesValidationProblem();
        shares.MapDelete("/{resource}/{otherProjectId}", Unshare).WithName("Unshare")
            .WithSummary("Stop sharing with another project.").WithDescription("The other project no longer sees this project's memory or glossary (resource: memory or glossary); nothing is deleted.").ProducesValidationProblem();
        return routes;
    }

    internal static async Task<Results<Ok<SharesResponse>, ProblemHttpResult>> List(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var rows = await db.ProjectShares.AsNoTracking().Where(s => s.OwnerProjectId == projectId || s.ProjectId == projectId)
            .Join(db.Projects, s => s.OwnerProjectId == projectId ? s.ProjectId : s.OwnerProjectId, p => p.Id, (s, p) => new { Share = s, p.Name })
            .ToListAsync(cancellationToken);
        var names = await AccountNames.ReadAsync(db, rows.Select(r => r.Share.SharedBy), cancellationToken);
        ShareResponse From(ProjectShare s, string name, Guid other) => new(other, name, s.Resource, s.SharedBy, names.GetValueOrDefault(s.SharedBy, ""), s.SharedAt);
        return TypedResults.Ok(new SharesResponse(
            [.. rows.Where(r => r.Share.OwnerProjectId == projectId).Select(r => From(r.Share, r.Name, r.Share.ProjectId))],
            [.. rows.Where(r => r.Share.ProjectId == projectId).Select(r => From(r.Share, r.Name, r.Share.OwnerProjectId))]));
    }

    /// <summary>Let another project read this project's memory or glossary (resource: memory or glossary).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Share(Guid projectId, string resource, Guid otherProjectId, ClaimsPrincipal caller,
        TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var checkedShare = await CheckAsync(db, projectId, resource, otherProjectId, cancellationToken);
        if (!checkedShare.Succeeded)
        {
            return checkedShare.Error.ToProblem();
        }
        var kind = checkedShare.Value;
        if (!await db.ProjectShares.AnyAsync(s => s.OwnerProjectId == projectId && s.ProjectId == otherProjectId && s.Resource == kind, cancellationToken))
        {
            db.ProjectShares.Add(ProjectShare.Create(projectId, otherProjectId, kind, caller.AccountId(), clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Shared twice at once: it is shared, which is what both asked.
            }
        }
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Unshare(Guid projectId, string resource, Guid otherProjectId, TranslationDb db,
        KeptCheckSettings kept, CancellationToken cancellationToken)
    {
        var checkedShare = await CheckAsync(db, projectId, resource, otherProjectId, cancellationToken);
        if (!checkedShare.Succeeded)
        {
            return checkedShare.Error.ToProblem();
        }
        var kind = checkedShare.Value;
        await db.ProjectShares.Where(s => s.OwnerProjectId == projectId && s.ProjectId == otherProjectId && s.Resource == kind).ExecuteDeleteAsync(cancellationToken);
        // One statement, no save for the interceptor to see: the next check of this process reads the glossary without the share.
        kept.ForgetProject(otherProjectId);
        return TypedResults.NoContent();
    }

    private static async Task<Result<SharedResource>> CheckAsync(TranslationDb db, Guid projectId, string resource, Guid otherProjectId, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<SharedResource>(resource, ignoreCase: true, out var kind) || int.TryParse(resource, out _))
        {
            return InvalidInputError.ForField("resource", $"What to share is 'memory' or 'glossary', not '{resource}'.");
        }
        if (projectId == otherProjectId)
        {
            return new SameProject(projectId);
        }
        foreach (var id in new[] { projectId, otherProjectId })
        {
            if (!await db.Projects.AnyAsync(p => p.Id == id, cancellationToken))
            {
                return new ProjectNotFound(id);
            }
        }
        return kind;
    }
}
