using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace Wgig.Translate.Api.Security;

/// <summary>
/// Cross-site request forgery: a request that changes state and does not carry a bearer token (so a browser may
/// have attached the session cookie by itself) must come from this origin: Sec-Fetch-Site same-origin (or none,
/// typed by the user), or an Origin header equal to this one; a page on another site, or on another port of the
/// same host, is refused. A valid antiforgery token (form field or RequestVerificationToken header, as the web
/// pages send) is accepted too, for set-ups where a proxy changes the host the app sees. Requests from scripts and
/// CAT tools send neither header and no cookie a browser would add; bearer-token requests are never affected.
/// </summary>
public sealed class CsrfGuard(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method) || HasBearerToken(request) || IsSameOrigin(request) || await HasValidTokenAsync(context))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-site request refused",
                Detail = "A request that changes something must come from this site's own pages (same origin) or carry a bearer token; nothing was done.",
            },
        });
    }

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the browser says the request comes from this origin; true for clients that are not browsers (they send neither header).</summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return false;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<bool> HasValidTokenAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Headers.ContainsKey("RequestVerificationToken") && !request.HasFormContentType)
        {
            return false;
        }
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return false;
        }
    }
}

public static class CsrfGuardExtensions
{
    public static IApplicationBuilder UseCsrfGuard(this IApplicationBuilder app) => app.UseMiddleware<CsrfGuard>();
}
