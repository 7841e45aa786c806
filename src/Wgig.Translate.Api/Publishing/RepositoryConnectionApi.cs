using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Publishing;

/// <param name="Host">GitHub (github.com or an Enterprise server at apiBaseUrl) or LocalGit (a repository on the Worker's disk, at name).</param>
/// <param name="Token">Write-only: never returned. Left out when changing a connection, the stored one stays.</param>
/// <param name="WebhookSecret">Write-only: the secret GitHub signs push webhooks with (POST /webhooks/github/{projectId}).</param>
/// <param name="AppId">Instead of a token, a GitHub App installation: the app's id, its installation's id and its private key (PEM).</param>
/// <param name="AppPrivateKey">Write-only, like the token; left out when changing a connection of the same app, the stored one stays.</param>
public sealed record RepositoryRequest(RepositoryHost? Host, string? Owner, string? Name, string? Branch, string? SourcePattern, string? TargetTemplate,
    WriteMode? WriteMode, bool? BranchPerPublication, bool? PublishXliff, string? ApiBaseUrl, string? Token, string? WebhookSecret,
    long? AppId = null, long? InstallationId = null, string? AppPrivateKey = null);

public sealed record RepositoryResponse(Guid ProjectId, RepositoryHost Host, string Owner, string Name, string Branch, string SourcePattern,
    string TargetTemplate, WriteMode WriteMode, bool BranchPerPublication, bool PublishXliff, string? ApiBaseUrl, bool HasToken, bool HasWebhookSecret,
    long? AppId, long? InstallationId, bool HasAppPrivateKey, string? LastSyncedCommit, DateTimeOffset? LastSyncedAt)
{
    public static RepositoryResponse From(RepositoryConnection c) => new(c.ProjectId, c.Host, c.Owner, c.Name, c.Branch, c.SourcePattern, c.TargetTemplate,
        c.WriteMode, c.BranchPerPublication, c.PublishXliff, c.ApiBaseUrl, c.Token is not null, c.WebhookSecret is not null, c.AppId, c.InstallationId,
        c.AppPrivateKey is not null, c.LastSyncedCommit, c.LastSyncedAt);
}

public static class RepositoryConnectionApi
{
    /// <summary>The project's document repository connection and its source sync (coordinators, secretariat, admins).</summary>
    public static IEndpointRouteBuilder MapRepositoryConnection(this IEndpointRouteBuilder routes)
    {
        var repository = routes.MapGroup("/projects/{projectId}/repository").WithTags("Repository")
            .RequireAuthorization(Policies.ManageProjects).ProducesProblem(StatusCodes.Status404NotFound);
        repository.MapGet("/", Get).WithName("GetRepository");
        repository.MapPut("/", Connect).WithName("ConnectRepository").ProducesValidationProblem();
        repository.MapSourceSync();
        return routes;
    }

    private static async Task<Results<Ok<RepositoryResponse>, ProblemHttpResult>> Get(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        var connection = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        if (connection is null)
        {
            return await NoConnectionAsync(db, projectId, cancellationToken);
        }
        return TypedResults.Ok(RepositoryResponse.From(connection));
    }

    /// <summary>Connect the project to its document repository, or change the connection (coordinators, secretariat, admins).</summary>
    private static async Task<Results<Ok<RepositoryResponse>, ProblemHttpResult>> Connect(
        Guid projectId, RepositoryRequest request, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var existing = await db.RepositoryConnections.SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        var now = clock.GetUtcNow();
        var host = request.Host ?? RepositoryHost.GitHub;
        // Changing a connection may leave its secrets out: the stored ones are kept (they are never sent back).
        GitHubAppCredentials? app = null;
        string? token = null;
        if (request.AppId is { } appId)
        {
            app = new GitHubAppCredentials(appId, request.InstallationId, request.AppPrivateKey ?? (existing?.AppId == appId ? existing.AppPrivateKey : null));
        }
        else if (request.Token is not null)
        {
            token = request.Token;
        }
        else if (existing?.Host == host)
        {
            token = existing.Token;
            app = existing.AppId is { } stored ? new GitHubAppCredentials(stored, existing.InstallationId, existing.AppPrivateKey) : null;
        }
        var connection = RepositoryConnection.Connect(projectId, host, request.Owner, request.Name, request.Branch, request.SourcePattern,
            request.TargetTemplate, request.WriteMode ?? WriteMode.PullRequest, request.BranchPerPublication ?? false, request.PublishXliff ?? false,
            request.ApiBaseUrl, token, request.WebhookSecret, now, app);
        if (!connection.Succeeded)
        {
            return connection.Error.ToProblem();
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
        return TypedResults.Ok(RepositoryResponse.From(existing));
    }

    // Not connected, or no such project at all: the caller learns which.
    internal static async Task<ProblemHttpResult> NoConnectionAsync(TranslationDb db, Guid projectId, CancellationToken cancellationToken) =>
        await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken) ? new NotConnected(projectId).ToProblem() : new ProjectNotFound(projectId).ToProblem();

}
