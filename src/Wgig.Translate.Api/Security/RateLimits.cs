using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Wgig.Translate.Api.Security;

/// <summary>Bound from "RateLimits".</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests a minute one client address may make to the endpoints anyone may call (accept invitation, reset, webhook).</summary>
    public int AnonymousPerMinute { get; set; } = 60;

    /// <summary>Sign-in attempts one account may see in <see cref="SignInWindow"/>, whoever makes them.</summary>
    public int SignInsPerAccount { get; set; } = 10;

    /// <summary>Sign-in attempts one client address may make in <see cref="SignInWindow"/>, whichever accounts they name.</summary>
    public int SignInsPerAddress { get; set; } = 30;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Heavy requests (uploads, exports, XLIFF) one caller may have running at once; more wait their turn up to <see cref="HeavyQueue"/>.</summary>
    public int HeavyPerCaller { get; set; } = 2;

    public int HeavyQueue { get; set; } = 2;
}

/// <summary>
/// ASP.NET Core's rate limiter: the anonymous endpoints per client address, heavy requests per caller (so one
/// person's large uploads queue behind each other instead of taking every thread). A refusal is a 429 problem
/// with Retry-After. Sign-in has its own limits, per account and per address, in <see cref="Accounts.SignInService"/>.
/// </summary>
public static class RateLimits
{
    public const string Anonymous = "anonymous";
    public const string Heavy = "heavy";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.AnonymousPerMinute > 0 && o.SignInsPerAccount > 0 && o.SignInsPerAddress > 0 && o.HeavyPerCaller > 0,
                "Rate limits are positive numbers.").ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => RejectAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
            limiter.AddPolicy(Anonymous, http =>
            {
                var options = Options(http);
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.AnonymousPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
            limiter.AddPolicy(Heavy, http =>
            {
                var options = Options(http);
                var caller = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous:" + ClientAddress(http);
                return RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.HeavyPerCaller, QueueLimit = options.HeavyQueue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
        });
        return services;
    }

    private static RateLimitOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    /// <summary>The address the request came from (behind a proxy, configure forwarded headers so this is the client's).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The 429 every limit answers with: Retry-After in whole seconds, and problem details saying when.</summary>
    public static ValueTask RejectAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests of this kind from you; nothing was done. Try again in {seconds} s.",
            },
        });
    }
}
