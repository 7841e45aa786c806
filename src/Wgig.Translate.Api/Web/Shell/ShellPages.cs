using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Shell;

public static class ShellPages
{
    public static RouteGroupBuilder MapShell(this RouteGroupBuilder web)
    {
        web.MapPost("/language", ChooseLanguage).AllowAnonymous();
        return web;
    }

    /// <summary>
    /// The language switcher: the choice is kept in a cookie for a year, and for a signed-in person in their
    /// profile too, so it follows them to other devices.
    /// </summary>
    private static async Task<IResult> ChooseLanguage([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext http,
        TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var chosen = VolunteerProfile.InterfaceLanguages.FirstOrDefault(l => l == culture?.Trim().ToLowerInvariant());
        if (chosen is not null)
        {
            RememberCulture(http, chosen);
            if (http.User.Identity?.IsAuthenticated == true)
            {
                var profile = await VolunteerProfiles.ForChangeAsync(db, http.User.AccountId(), clock.GetUtcNow(), cancellationToken);
                if (profile.Succeeded && profile.Value.ChooseInterfaceLanguage(chosen, clock.GetUtcNow()) is null)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }
        return WebResults.SeeOther(WebResults.LocalOr(returnUrl, "/"));
    }

    /// <summary>
    /// The culture cookie the request localization reads first: the interface language, and for dates and
    /// numbers the browser's own region of that language when it names one (en-GB, fr-CH).
    /// </summary>
    public static void RememberCulture(HttpContext http, string culture)
    {
        var regional = http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(tag => tag.Length > culture.Length && tag.StartsWith(culture + "-", StringComparison.OrdinalIgnoreCase));
        var formatting = regional is not null && System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.AllCultures)
            .Any(c => string.Equals(c.Name, regional, StringComparison.OrdinalIgnoreCase)) ? regional : culture;
        http.Response.Cookies.Append(WebSetup.CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(formatting, culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
    }
}
