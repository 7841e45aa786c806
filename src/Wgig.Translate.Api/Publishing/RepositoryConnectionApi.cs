using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Publishing;

/// <param name="Host">GitHub (github.com or an Enterprise server at apiBaseUrl, set by admins) or LocalGit (a repository below the
/// Worker's local root, Repositories:LocalRoot, named by its path there in name).</param>
/// <param name="Token">Write-only: never returned. Left out when changing a connection, the stored one stays while the connection
/// points at the same repository (host, server, owner, name); changing any of those drops it.</param>
/// <param name="WebhookSecret">Write-only: the secret GitHub signs push webhooks with (POST /webhooks/github/{projectId}).</param>
/// <param name="AppId">Instead of a token, a GitHub App installation: the app's id, its installation's id and its private key (PEM).</param>
/// <param name="AppPrivateKey">Write-only, like the token; left out when changing a connection of the same app and repository, the stored one stays.</param>
public sealed record RepositoryRequest(RepositoryHost? Host, string? Owner, string? Name, string? Branch, string? SourcePattern, string? TargetTemplate,
    WriteMode? WriteMode, bool? BranchPerPublication, bool? PublishXliff, string? ApiBaseUrl, string? Token, string? WebhookSecret,
    long? AppId = null, long? InstallationId = null, string? AppPrivateKey = null);

public sealed record RepositoryResponse(Guid ProjectId, RepositoryHost Host, string Owner, string Name, string Branch, string SourcePattern,
    string TargetTemplate, WriteMode WriteMode, bool BranchPerPublication, bool PublishXliff, string? ApiBaseUrl, bool HasToken, bool HasWebhookSecret,
    long? AppId, long? InstallationId, bool HasAppPrivateKey, string? LastSyncedCommit, DateTimeOffset? LastSyncedAt, IReadOnlyList<string> LastSyncReport,
    ConnectionCheckResponse? Check)
{
    public static RepositoryResponse From(RepositoryConnection c) => new(c.ProjectId, c.Host, c.Owner, c.Name, c.Branch, c.SourcePattern, c.TargetTemplate,
        c.WriteMode, c.BranchPerPublication, c.PublishXliff, c.ApiBaseUrl, c.Token is not null, c.WebhookSecret is not null, c.AppId, c.InstallationId,
        c.AppPrivateKey is not null, c.LastSyncedCommit, c.LastSyncedAt, c.LastSyncReport,
        c.CheckRequestedAt is { } asked ? new ConnectionCheckResponse(asked, c.CheckedAt, c.CheckOutcome, c.CheckDetail) : null);
}

/// <summary>The last connection test asked for since the connection last changed.</summary>
/// <param name="CheckedAt">Null while the Worker has not answered yet.</param>
/// <param name="Outcome">Reached (the branch's head was read with the stored credentials), Refused (for good: credentials, repository,
/// branch), Unavailable (for now: rate limit, outage, time-out).</param>
/// <param name="Detail">The head commit reached, or the host's reason.</param>
public sealed record ConnectionCheckResponse(DateTimeOffset RequestedAt, DateTimeOffset? CheckedAt, ConnectionCheckOutcome? Outcome, string? Detail);

public sealed record EnterpriseServerIsAdminOnly(string Server) : ForbiddenError("Admins only",
    $"Only an admin may point a project at a GitHub Enterprise server ('{Server}'); the project's credentials would go there.");

public static class RepositoryConnectionApi
{
    /// <summary>The project's document repository connection and its source sync (coordinators, secretariat, admins).</summary>
    public static IEndpointRouteBuilder MapRepositoryConnection(this IEndpointRouteBuilder routes)
    {
        var repository = routes.MapGroup("/projects/{projectId}/repository").WithTags("Repository")
            .RequireAuthorization(Policies.ManageProjects).ProducesProblem(StatusCodes.Status404NotFound);
        repository.MapGet("/", Get).WithName("GetRepository");
        repository.MapPut("/", Connect).WithName("ConnectRepository").ProducesValidationProblem();
        repository.MapPost("/check", Check).WithName("CheckRepository");
        repository.MapSourceSync();
        return routes;
    }

    /// <summary>The project's document repository connection and its last sync.</summary>
    /// <remarks>
    /// Credentials are never returned, only whether they are set. The last sync's report says what it did and what people should know
    /// (documents skipped because uploaded by hand, approved translations sent back to "needs update").
    /// </remarks>
    internal static async Task<Results<Ok<RepositoryResponse>, ProblemHttpResult>> Get(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        var connection = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (connection is null)
        {
            return await NoConnectionAsync(db, projectId, cancellationToken);
        }
        return TypedResults.Ok(RepositoryResponse.From(connection));
    }

    /// <summary>Connect the project to its document repository, or change the connection.</summary>
    /// <remarks>
    /// The project's staff (a GitHub Enterprise server: admins only, public https). GitHub with a token or a GitHub App installation, or a
    /// local Git repository below Repositories:LocalRoot; which files are sources (a glob) and where translations go (a template naming
    /// {lang} and {path}). Credentials and the webhook secret are write-only and sealed; left out when changing, the stored ones stay, and
    /// they are never carried to a new destination.
    /// </remarks>
    internal static async Task<Results<Ok<RepositoryResponse>, ProblemHttpResult>> Connect(
        Guid projectId, RepositoryRequest request, ClaimsPrincipal caller, TranslationDb db, ICredentialProtector protector,
        IOptions<RepositoryAccessOptions> repositories, TimeProvider clock, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(projectId, request, caller, db, protector, repositories.Value, clock.GetUtcNow(), cancellationToken);
        return saved.Succeeded ? TypedResults.Ok(RepositoryResponse.From(saved.Value)) : saved.Error.ToProblem();
    }

    /// <summary>Connects the project or changes its connection, as the JSON API and the settings page both do.</summary>
    internal static async Task<Result<RepositoryConnection>> SaveAsync(Guid projectId, RepositoryRequest request, ClaimsPrincipal caller,
        TranslationDb db, ICredentialProtector protector, RepositoryAccessOptions repositories, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId);
        }
        var existing = await db.RepositoryConnections.SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        var host = request.Host ?? RepositoryHost.GitHub;
        var app = request.AppId is { } appId ? new GitHubAppCredentials(appId, request.InstallationId, request.AppPrivateKey) : null;
        var connection = RepositoryConnection.Connect(projectId, host, request.Owner, request.Name, request.Branch, request.SourcePattern,
            request.TargetTemplate, request.WriteMode ?? WriteMode.PullRequest, request.BranchPerPublication ?? false, request.PublishXliff ?? false,
            request.ApiBaseUrl, request.Token, request.WebhookSecret, now, protector, app, existing, repositories.AllowedApiHosts);
        if (!connection.Succeeded)
        {
            return connection.Error;
        }
        // Which server the Worker sends a project's credentials to is the administrators' decision.
        if (connection.Value.ApiBaseUrl is { } server && server != existing?.ApiBaseUrl && !caller.IsInRole(Roles.Admin))
        {
            return new EnterpriseServerIsAdminOnly(server);
        }
        if (existing is null)
        {
            db.RepositoryConnections.Add(connection.Value);
            existing = connection.Value;
        }
        else
        {
            existing.Change(connection.Value, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    /// <summary>Test the connection: the Worker reads the branch's head through the repository's gateway with the stored credentials.</summary>
    /// <remarks>
    /// Answers 202 at once with the test pending; <c>GET …/repository</c> shows its outcome (<c>check</c>) when the Worker has answered,
    /// usually within seconds (at most 30). On GitHub it proves the credentials are accepted and the repository and branch visible to them;
    /// on a local repository, that it exists below the local root with that branch. Changing the connection forgets the test.
    /// </remarks>
    internal static async Task<Results<Accepted<RepositoryResponse>, ProblemHttpResult>> Check(Guid projectId, TranslationDb db, IBackgroundJobClient jobs,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var connection = await RequestCheckAsync(db, jobs, projectId, clock.GetUtcNow(), cancellationToken);
        return connection is null
            ? await NoConnectionAsync(db, projectId, cancellationToken)
            : TypedResults.Accepted($"/api/projects/{projectId}/repository", RepositoryResponse.From(connection));
    }

    /// <summary>Records that a test is asked for and queues it; null when the project has no connection.</summary>
    internal static async Task<RepositoryConnection?> RequestCheckAsync(TranslationDb db, IBackgroundJobClient jobs, Guid projectId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var connection = await db.RepositoryConnections.SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        connection.RequestCheck(now);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<ICheckRepositoryConnection>(job => job.RunAsync(projectId, CancellationToken.None));
        return connection;
    }

    // Not connected, or no such project at all: the caller learns which.
    internal static async Task<ProblemHttpResult> NoConnectionAsync(TranslationDb db, Guid projectId, CancellationToken cancellationToken) =>
        await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken) ? new NotConnected(projectId).ToProblem() : new ProjectNotFound(projectId).ToProblem();

}
