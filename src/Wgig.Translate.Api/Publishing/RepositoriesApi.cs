using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Publishing;

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

/// <param name="Languages">The languages to publish; none: all the project's target languages. Fewer than all is a subset.</param>
/// <param name="DocumentIds">The documents (papers); none: every document of the project.</param>
/// <param name="Subset">Publish what is approved of these languages without the publish gate (every required language
/// approved and the secretariat's sign-off); a document × language not approved in full is still left out.</param>
public sealed record PublicationRequest(IReadOnlyList<string>? Languages, IReadOnlyList<Guid>? DocumentIds, bool? Subset = null);

public sealed record PublicationResponse(Guid Id, int Number, PublicationStatus Status, IReadOnlyList<string> Languages, IReadOnlyList<Guid> DocumentIds,
    Guid RequestedBy, DateTimeOffset RequestedAt, string? Branch, string? CommitSha, string? TreeSha, int? PullRequestNumber, string? PullRequestUrl,
    IReadOnlyList<PublishedFile> Files, IReadOnlyList<LeftOut> LeftOut, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? CompletedAt)
{
    public static PublicationResponse From(Publication p) => new(p.Id, p.Number, p.Status, p.Languages, p.DocumentIds, p.RequestedBy, p.RequestedAt,
        p.Branch, p.CommitSha, p.TreeSha, p.PullRequestNumber, p.PullRequestUrl, p.Files, p.LeftOut, p.Attempts, p.LastError, p.NextAttemptAt, p.CompletedAt);
}

public sealed record NotConnected(Guid ProjectId) : ConflictError("No repository",
    $"Project '{ProjectId}' is not connected to a document repository; connect one with PUT /api/projects/{ProjectId}/repository.");

public sealed record PublicationNotFound(Guid ProjectId, Guid PublicationId) : NotFoundError("No such publication",
    $"Project '{ProjectId}' has no publication '{PublicationId}'.");

public static class RepositoriesApi
{
    public static IEndpointRouteBuilder MapRepositories(this IEndpointRouteBuilder routes)
    {
        var repository = routes.MapGroup("/projects/{projectId}/repository").WithTags("Repository")
            .RequireAuthorization(Policies.ManageProjects).ProducesProblem(StatusCodes.Status404NotFound);
        repository.MapGet("/", Get).WithName("GetRepository");
        repository.MapPut("/", Connect).WithName("ConnectRepository").ProducesValidationProblem();
        repository.MapPost("/sync", Sync).WithName("SyncRepository").ProducesProblem(StatusCodes.Status409Conflict);

        var publications = routes.MapGroup("/projects/{projectId}/publications").WithTags("Publications").ProducesProblem(StatusCodes.Status404NotFound);
        publications.MapPost("/", Publish).WithName("Publish").RequireAuthorization(Policies.Publish)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        publications.MapGet("/", List).WithName("ListPublications");
        publications.MapGet("/{publicationId}", GetPublication).WithName("GetPublication");
        return routes;
    }

    /// <summary>GitHub's push webhook, outside the API's sign-in: the signature with the project's shared secret is the proof.</summary>
    public static IEndpointRouteBuilder MapRepositoryWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/github/{projectId}", Webhook).WithTags("Repository").WithName("GitHubWebhook").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
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

    /// <summary>Read the sources from the repository now (the Worker does it; new and changed files become documents and versions).</summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> Sync(Guid projectId, TranslationDb db, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        if (!await db.RepositoryConnections.AnyAsync(c => c.ProjectId == projectId, cancellationToken))
        {
            return await NoConnectionAsync(db, projectId, cancellationToken);
        }
        jobs.Enqueue<SyncRepository>(job => job.RunAsync(projectId, CancellationToken.None));
        return TypedResults.Accepted($"/api/projects/{projectId}/repository");
    }

    /// <summary>
    /// Publish approved translations to the repository in one commit (secretariat, admins). The Worker does
    /// it; follow the publication's status. Documents not approved in full in a language are left out, with why.
    /// </summary>
    private static async Task<Results<Accepted<PublicationResponse>, ProblemHttpResult>> Publish(
        Guid projectId, PublicationRequest request, ClaimsPrincipal caller, TranslationDb db, IBackgroundJobClient jobs, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId).ToProblem();
        }
        var errors = new ValidationErrors();
        var languages = new List<string>();
        foreach (var language in request.Languages ?? [])
        {
            if (!LanguageTag.TryNormalize(language, out var tag, out _) || !project.TranslatesInto(tag))
            {
                errors.Add("languages", $"'{language}' is not a target language of the project ({string.Join(", ", project.TargetLanguages)}).");
            }
            else if (!languages.Contains(tag))
            {
                languages.Add(tag);
            }
        }
        var subset = request.Subset ?? false;
        if (languages.Count == 0 && !errors.Any)
        {
            languages.AddRange(project.TargetLanguages);
        }
        if (!subset && languages.Count < project.TargetLanguages.Count && !errors.Any)
        {
            errors.Add("subset", $"A paper is published in all its languages ({string.Join(", ", project.TargetLanguages)}); to publish only some, say subset: true.");
        }
        var documentIds = (request.DocumentIds ?? []).Distinct().ToList();
        var known = await db.Documents.Where(d => d.ProjectId == projectId && documentIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var missing in documentIds.Except(known))
        {
            errors.Add("documentIds", $"Document '{missing}' is not in this project.");
        }
        if (errors.Any)
        {
            return errors.ToError("Invalid publication").ToProblem();
        }
        if (!await db.RepositoryConnections.AnyAsync(c => c.ProjectId == projectId, cancellationToken))
        {
            return new NotConnected(projectId).ToProblem();
        }
        if (!subset)
        {
            var closed = (await PublishGate.ForAsync(db, project, documentIds.Count == 0 ? null : documentIds, cancellationToken)).Where(g => !g.MayPublish).ToList();
            if (closed.Count > 0)
            {
                return new GateClosed([.. closed.Select(g => g.WhyNot())]).ToProblem();
            }
        }
        for (var attempt = 0; ; attempt++)
        {
            var number = (await db.Publications.Where(p => p.ProjectId == projectId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0) + 1;
            var publication = Publication.Request(projectId, number, caller.AccountId(), languages, documentIds, clock.GetUtcNow());
            db.Publications.Add(publication);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < 5 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear(); // another publication took the number
                continue;
            }
            jobs.Enqueue<PublishTranslations>(job => job.RunAsync(publication.Id, CancellationToken.None));
            return TypedResults.Accepted($"/api/projects/{projectId}/publications/{publication.Id}", PublicationResponse.From(publication));
        }
    }

    private static async Task<Ok<IReadOnlyList<PublicationResponse>>> List(Guid projectId, TranslationDb db, CancellationToken cancellationToken)
    {
        var publications = await db.Publications.AsNoTracking().Where(p => p.ProjectId == projectId).OrderByDescending(p => p.Number).Take(100)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PublicationResponse>>([.. publications.Select(PublicationResponse.From)]);
    }

    private static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult>> GetPublication(Guid projectId, Guid publicationId, TranslationDb db,
        CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == publicationId && p.ProjectId == projectId, cancellationToken);
        return publication is null ? new PublicationNotFound(projectId, publicationId).ToProblem() : TypedResults.Ok(PublicationResponse.From(publication));
    }

    // Not connected, or no such project at all: the caller learns which.
    private static async Task<ProblemHttpResult> NoConnectionAsync(TranslationDb db, Guid projectId, CancellationToken cancellationToken) =>
        await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken) ? new NotConnected(projectId).ToProblem() : new ProjectNotFound(projectId).ToProblem();

    private static async Task<Results<Accepted, NoContent, ProblemHttpResult>> Webhook(Guid projectId, HttpRequest http, TranslationDb db, IBackgroundJobClient jobs,
        CancellationToken cancellationToken)
    {
        var connection = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        // Unknown projects and bad signatures get the same answer: nobody learns which projects exist.
        if (connection?.WebhookSecret is not { } secret || !SignatureMatches(secret, body, http.Headers["X-Hub-Signature-256"].ToString()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature",
                detail: "The X-Hub-Signature-256 header does not match the body signed with this project's webhook secret.");
        }
        if (http.Headers["X-GitHub-Event"] != "push")
        {
            return TypedResults.NoContent(); // ping and the rest
        }
        string? pushedRef;
        try
        {
            using var json = JsonDocument.Parse(body);
            pushedRef = json.RootElement.TryGetProperty("ref", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a push event", detail: "The body is not JSON.");
        }
        if (pushedRef != $"refs/heads/{connection.Branch}")
        {
            return TypedResults.NoContent(); // another branch: nothing of ours changed
        }
        jobs.Enqueue<SyncRepository>(job => job.RunAsync(projectId, CancellationToken.None));
        return TypedResults.Accepted($"/api/projects/{projectId}/repository");
    }

    private static bool SignatureMatches(string secret, byte[] body, string header)
    {
        if (!header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header));
    }
}
