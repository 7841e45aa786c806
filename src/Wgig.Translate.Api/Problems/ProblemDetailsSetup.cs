using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Problems;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error leaves as RFC 7807 problem details: domain errors from the endpoints, binding
    /// failures (malformed JSON, a bad id in the path) from the exception handler, and bodiless
    /// 404/405 responses from the status code pages.
    /// </summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StoreOutageExceptionHandler>();
        // Binding failures throw, so the handler can say what was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>How long a client is told to wait before it tries again while the database is busy or away.</summary>
    public const string RetryAfterSeconds = "5";

    // The database busy (every pooled connection taken for longer than a caller waits) or away (stopped,
    // restarting, unreachable): the service is degraded, not broken. Clients get a 503 with Retry-After, which
    // they (and load balancers) know to retry; the request's transaction, if it had begun, was rolled back.
    private sealed class StoreOutageExceptionHandler(IProblemDetailsService problemDetails, Npgsql.NpgsqlDataSource dataSource) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (StoreOutage.Classify(exception) is not { } outage || httpContext.Response.HasStarted)
            {
                return false;
            }
            if (outage == StoreOutageKind.Unavailable)
            {
                // A restarted server broke every pooled connection, and a broken one is only found when used: drop them all
                // now, so that once the database is back each request opens a fresh one instead of failing on a dead one.
                dataSource.Clear();
            }
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            // A page of the web app answers a page, which a browser shows and loads again; everything else problem details.
            if (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<Web.Shell.WebPageMetadata>() is not null)
            {
                await Web.Shell.WebResults.UnavailableAsync(httpContext, int.Parse(RetryAfterSeconds, System.Globalization.CultureInfo.InvariantCulture));
                return true;
            }
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = outage == StoreOutageKind.Busy ? "Busy" : "Database unavailable",
                    Detail = outage == StoreOutageKind.Busy
                        ? "The service is busy right now and did not complete this request; try again in a few seconds."
                        : "The database cannot be reached right now, so this request was not completed; try again in a few seconds.",
                },
            });
        }
    }

    private sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException badRequest)
            {
                return false;
            }
            // A form over the multipart limit fails while it is read, before an endpoint could compare sizes.
            var tooLarge = badRequest.InnerException is InvalidDataException { Message: var message }
                && message.Contains("length limit", StringComparison.OrdinalIgnoreCase);
            var status = tooLarge ? StatusCodes.Status413PayloadTooLarge : badRequest.StatusCode;
            httpContext.Response.StatusCode = status;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = status,
                    Title = tooLarge ? "Upload too large" : "The request could not be read",
                    Detail = tooLarge ? $"The upload is larger than the limit: {badRequest.InnerException!.Message}" : Describe(badRequest, httpContext),
                },
            });
        }

        // A value outside an enum says which values are allowed; otherwise the JSON reader's message names the path and line of
        // the fault, which is what a client needs. A text the reader could not turn into a string (a lone surrogate) says why in
        // its own inner exception.
        private static string Describe(BadHttpRequestException exception, HttpContext httpContext) =>
            EnumBinding.Describe(exception, httpContext) ?? (exception.InnerException is JsonException json
                ? $"{exception.Message} {json.Message}" + (json.InnerException is { } why ? $" {why.Message}" : "")
                : exception.Message);
    }
}
