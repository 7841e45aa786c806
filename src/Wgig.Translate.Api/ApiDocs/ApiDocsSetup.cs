using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Wgig.Translate.Api.ApiDocs;

public static class ApiDocsSetup
{
    /// <summary>The OpenAPI document, declaring the personal-token bearer scheme so the docs page can send it.</summary>
    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
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

    /// <summary>The OpenAPI document at /openapi/v1.json and interactive docs at /docs (the web app has /).</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi().AllowAnonymous();
        routes.MapScalarApiReference("/docs", options => options.WithTitle("Wgig.Translate API")).AllowAnonymous();
        return routes;
    }
}
