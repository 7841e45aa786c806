using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>How the web endpoints answer: whole pages, fragments for scripts, redirects after a post, error pages.</summary>
public static class WebResults
{
    /// <summary>A script asks for a fragment (a row, a panel) instead of the whole page by sending this header.</summary>
    public const string PartialHeader = "Wgig-Partial";

    public static bool WantsPartial(this HttpRequest request) => request.Headers.ContainsKey(PartialHeader);

    /// <summary>A component rendered as the response: a page (which brings the layout) or a fragment.</summary>
    public static IResult Render<TComponent>(object parameters, int status = StatusCodes.Status200OK) where TComponent : IComponent =>
        new RazorComponentResult<TComponent>(parameters) { StatusCode = status, PreventStreamingRendering = true };

    /// <summary>
    /// A part of a page for a script to swap in (a row, a panel): the component alone, with the page context
    /// cascaded to it as the layout would.
    /// </summary>
    public static IResult Fragment<TComponent>(PageContext page, object parameters, int status = StatusCodes.Status200OK) where TComponent : IComponent =>
        Render<Fragment>(new
        {
            Page = page,
            Component = typeof(TComponent),
            Parameters = (IDictionary<string, object?>)parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters)),
        }, status);

    /// <summary>After a successful post: 303, so reloading the page does not post again.</summary>
    public static IResult SeeOther(string url) => new SeeOtherResult(url);

    /// <summary>An error page for an expected failure, with the status its kind has in the JSON API.</summary>
    public static IResult Error(PageContext page, DomainError error) =>
        Render<ErrorPage>(new { Page = page, Error = error }, DomainErrorResults.StatusFor(error));

    /// <summary>
    /// What a browser gets while the database is away or busy (status 503 and Retry-After are set by the outage handler,
    /// <see cref="Problems.ProblemDetailsSetup"/>): a page in the interface language that loads itself again after Retry-After
    /// when it was asked for (GET), or the sentence alone for a script's request. Nothing here touches the database.
    /// </summary>
    public static Task UnavailableAsync(HttpContext http, int retryAfterSeconds)
    {
        // The exception left the request's own culture behind with the endpoint: take it again from what the localization middleware chose.
        if (http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (chosen.Culture, chosen.UICulture);
        }
        if (http.Request.WantsPartial())
        {
            var text = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ShellText>>();
            return Results.Text(text["Error.Unavailable.Short"], statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
        }
        var page = http.RequestServices.GetRequiredService<PageContexts>().WithoutDatabase(http);
        return Render<UnavailablePage>(new { Page = page, RefreshSeconds = HttpMethods.IsGet(http.Request.Method) ? retryAfterSeconds : (int?)null },
            StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
    }

    /// <summary>A return address that stays on this site (a path, never another host), or the fallback.</summary>
    public static string LocalOr(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Contains('\n', StringComparison.Ordinal)
            ? url
            : fallback;

    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
