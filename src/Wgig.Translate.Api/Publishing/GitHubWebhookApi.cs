using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Security;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Publishing;

public static class GitHubWebhookApi
{
    /// <summary>GitHub's largest payload is 25 MB; a push with our sources is far smaller. Past this, nothing more is read.</summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    /// <summary>GitHub's push webhook, outside the API's sign-in: the signature with the project's shared secret is the proof.</summary>
    public static IEndpointRouteBuilder MapGitHubWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/github/{projectId}", Webhook).WithTags("Repository").WithName("GitHubWebhook").AllowAnonymous()
            .RequireRateLimiting(RateLimits.Anonymous)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<Results<Accepted, NoContent, ProblemHttpResult>> Webhook(Guid projectId, HttpRequest http, TranslationDb db,
        ICredentialProtector protector, IBackgroundJobClient jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var connection = await db.RepositoryConnections.AsNoTracking().SingleOrDefaultAsync(c => c.ProjectId == projectId, cancellationToken);
        var signature = http.Headers["X-Hub-Signature-256"].ToString();
        // Unknown projects and bad signatures get the same answer: nobody learns which projects exist.
        if (connection?.WebhookSecret is not { } stored || !TryParseSignature(signature, out var claimed))
        {
            return BadSignature();
        }
        // The body is signed while it streams in, and no more than the limit is ever held, before the sender is known.
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(protector.Unprotect(stored)));
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > MaxBodyBytes)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
                        detail: $"A webhook body is at most {MaxBodyBytes / (1024 * 1024)} MB; nothing was done.");
                }
                hmac.AppendData(chunk, 0, read);
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        if (!CryptographicOperations.FixedTimeEquals(hmac.GetHashAndReset(), claimed))
        {
            return BadSignature();
        }
        if (await FirstDeliveryAsync(db, projectId, http.Headers["X-GitHub-Delivery"].ToString(), clock.GetUtcNow(), cancellationToken) is { } refused)
        {
            return refused;
        }
        if (http.Headers["X-GitHub-Event"] != "push")
        {
            return TypedResults.NoContent(); // ping and the rest
        }
        string? pushedRef;
        try
        {
            using var json = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
            pushedRef = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("ref", out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
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

    // Each delivery is accepted once: its id is remembered for a day, so a captured request cannot be replayed.
    private static async Task<ProblemHttpResult?> FirstDeliveryAsync(TranslationDb db, Guid projectId, string deliveryId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (deliveryId.Length is 0 or > 100)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No delivery id",
                detail: "GitHub names every delivery in the X-GitHub-Delivery header (at most 100 characters); this request has none.");
        }
        var forgetBefore = now - WebhookDelivery.RememberedFor;
        await db.Database.ExecuteSqlAsync($"DELETE FROM translate.webhook_deliveries WHERE received_at < {forgetBefore}", cancellationToken);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO translate.webhook_deliveries (delivery_id, project_id, received_at) VALUES ({deliveryId}, {projectId}, {now})
            ON CONFLICT (delivery_id) DO NOTHING
            """, cancellationToken);
        return inserted == 1 ? null : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Delivery already received",
            detail: $"The delivery '{deliveryId}' was received before; a delivery is accepted once.");
    }

    private static bool TryParseSignature(string header, out byte[] signature)
    {
        signature = [];
        if (!header.StartsWith("sha256=", StringComparison.Ordinal) || header.Length != "sha256=".Length + 64)
        {
            return false;
        }
        try
        {
            signature = Convert.FromHexString(header.AsSpan("sha256=".Length));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static ProblemHttpResult BadSignature() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature",
        detail: "The X-Hub-Signature-256 header does not match the body signed with this project's webhook secret.");
}
