namespace Wgig.Translate.Api.Security;

/// <summary>
/// Headers every response carries, for the API and the web pages alike: a Content-Security-Policy that allows
/// scripts, styles, fonts and images from this origin only (no inline script or style, no framing), no MIME
/// sniffing, no referrer to other sites. A response may set a stricter or narrower policy of its own (the paper
/// view allows its one inline style by hash). The interactive API docs and the job dashboard are third-party
/// pages that need inline script and style; they get a policy that allows that and nothing else more.
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ThirdPartyPagesPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy for a page with exactly these inline style blocks, allowed by their SHA-256.</summary>
    public static string PolicyWithInlineStyles(params string[] styles) => Policy.Replace("style-src 'self'",
        "style-src 'self' " + string.Join(' ', styles.Select(style =>
            $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)))}'")),
        StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/docs") || path.StartsWithSegments("/hangfire") ? ThirdPartyPagesPolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        await next(context);
    });
}
