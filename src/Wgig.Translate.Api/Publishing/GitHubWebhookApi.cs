using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Publishing;

public static class GitHubWebhookApi
{
    /// <summary>GitHub's push webhook, outside the API's sign-in: the signature with the project's shared secret is the proof.</summary>
    public static IEndpointRouteBuilder MapGitHubWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/github/{projectId}", Webhook).WithTags("Repository").WithName("GitHubWebhook").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>GitHub's push webhook: a push to the project's branch queues a sync of its sources.</summary>
    /// <remarks>
    /// Outside the API's sign-in: the X-Hub-Signature-256 signature with the project's webhook secret is the proof (401 otherwise, the
    /// same for an unknown project). Other events and other branches are acknowledged with 204 and change nothing.
    /// </remarks>
    internal static async Task<Results<Accepted, NoContent, ProblemHttpResult>> Webhook(Guid projectId, HttpRequest http, TranslationDb db, IBackgroundJobClient jobs,
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
        jobs.Enqueue<ISyncRepository>(job => job.RunAsync(projectId, CancellationToken.None));
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
