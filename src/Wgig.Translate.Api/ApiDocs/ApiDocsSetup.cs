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
            // The API is where the document is, whatever host name it was asked for under: the same document for everyone, so
            // that one copy serves all (the framework would name the server from the request's Host header).
            document.Servers = [new OpenApiServer { Url = "/" }];
            return Task.CompletedTask;
        }));

    /// <summary>
    /// The OpenAPI document at /openapi/v1.json, made once and then served from memory, and interactive docs at /docs (the web
    /// app has /).
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
    /// policy would pass by every caller who sends a token or a session cookie; this one differs from it there, and keys the
    /// copy by path alone: not by the query, nor by the host name (the document names no host), so that neither a made-up
    /// query nor a made-up Host header makes it again or fills memory with copies. As the default does, it stores only a 200
    /// to GET or HEAD that sets no cookie. The document changes only with a new release, which starts a new process.
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
            context.CacheVaryByRules.VaryByHost = false;
            context.ResponseExpirationTimeSpan = TimeSpan.FromDays(1);
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
