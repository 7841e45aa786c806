using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Health;

public static class HealthApi
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<JobStorageHealthCheck>("job-storage", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// /health/live: the process answers. /health/ready: it can also reach its database and job storage; while it
    /// cannot, a 503 problem with Retry-After. Both short-circuit routing: no authentication runs, so a probe that
    /// carries a token (or a cookie) never reaches the database, and liveness stays green while the database is down.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithTags("Health").AllowAnonymous().ShortCircuit();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .WithTags("Health").AllowAnonymous().ShortCircuit();
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description });
        if (report.Status == HealthStatus.Healthy)
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString(), checks }));
        }
        // Not ready: a problem like every other refusal, with when to look again.
        context.Response.Headers.RetryAfter = Problems.ProblemDetailsSetup.RetryAfterSeconds;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
            ["title"] = "Not ready",
            ["status"] = context.Response.StatusCode,
            ["detail"] = string.Join(" ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}")),
            ["instance"] = context.Request.Path.Value,
            ["health"] = report.Status.ToString(),
            ["checks"] = checks,
        }));
    }

    private sealed class StoreHealthCheck(TranslationDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy("Database reachable, schema up to date.")
                    : HealthCheckResult.Unhealthy($"{pending.Count} migrations not applied; run the migrate step.");
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("Database unreachable.", e);
            }
        }
    }

    private sealed class JobStorageHealthCheck(Hangfire.JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.Run(() =>
            {
                try
                {
                    var servers = storage.GetMonitoringApi().Servers();
                    return HealthCheckResult.Healthy($"Job storage reachable; {servers.Count} job servers registered.");
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    return HealthCheckResult.Unhealthy("Job storage unreachable.", e);
                }
            }, cancellationToken);
    }
}
