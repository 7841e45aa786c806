using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Wgig.Translate.Api.ApiDocs;

public static class ApiDocsSetup
{
    /// <summary>The OpenAPI document, declaring the personal-token bearer scheme so the docs page can send it.</summary>
    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOutputCache().AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["token"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token (wgig_…): POST /api/me/tokens, or the admin token in .data/admin.txt.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("token", document)] = [] }];
            return Task.CompletedTask;
        }));

    /// <summary>
    /// The OpenAPI document at /openapi/v1.json, made once per host name and then served from memory, and interactive docs at
    /// /docs (the web app has /).
    /// </summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi().AllowAnonymous().CacheOutput(new SameForEveryCaller());
        routes.MapScalarApiReference("/docs", options => options.WithTitle("Wgig.Translate API")).AllowAnonymous();
        return routes;
    }

    /// <summary>
    /// Output caching for an answer that is the same whoever asks: the framework makes the OpenAPI document anew for every
    /// request (about 85 ms of processor time), on an endpoint anyone may call without signing in. Output caching's default
    /// policy would pass by every caller who sends a token or a session cookie; this one differs from it only there. As it
    /// does, it stores only a 200 to GET or HEAD that sets no cookie, and keys it by scheme, host and path (the document
    /// names the server it was asked on), not by the query, so that a made-up query cannot make it again.
    /// </summary>
    private sealed class SameForEveryCaller : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var method = context.HttpContext.Request.Method;
            var cacheable = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie) || response.StatusCode != StatusCodes.Status200OK)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
