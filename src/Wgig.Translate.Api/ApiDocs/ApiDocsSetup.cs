using Scalar.AspNetCore;

namespace Wgig.Translate.Api.ApiDocs;

public static class ApiDocsSetup
{
    /// <summary>The OpenAPI document at /openapi/v1.json and interactive docs at /docs.</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi().AllowAnonymous();
        routes.MapScalarApiReference("/docs", options => options.WithTitle("Wgig.Translate API")).AllowAnonymous();
        routes.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription().AllowAnonymous();
        return routes;
    }
}
