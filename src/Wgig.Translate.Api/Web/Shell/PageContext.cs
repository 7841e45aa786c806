using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>Who is looking at a page, as the shell shows them.</summary>
/// <param name="TimeZone">Their profile's time zone: every time on a page is shown in it.</param>
public sealed record Viewer(Guid Id, string Name, string Email, IReadOnlyList<string> Roles, TimeZoneInfo TimeZone, int UnreadNotifications)
{
    public bool IsStaff => Roles.Any(r => r is Domain.Accounts.Roles.Admin or Domain.Accounts.Roles.Coordinator or Domain.Accounts.Roles.Secretariat);
}

/// <summary>
/// What every page of the web app needs from the request: the viewer (none when signed out), the
/// interface culture and its direction, the antiforgery token for its forms and where it is. Cascaded
/// from the layout to every component.
/// </summary>
/// <param name="Culture">The interface language (one of the six): the page's lang and direction, its words.</param>
/// <param name="Formatting">How dates and numbers are written: the browser's region where it has one (en-GB, fr-CH), on the Gregorian calendar.</param>
public sealed record PageContext(Viewer? Viewer, CultureInfo Culture, CultureInfo Formatting, string AntiforgeryField, string AntiforgeryToken, string PathAndQuery)
{
    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;

    public string Direction => RightToLeft ? "rtl" : "ltr";

    public TimeZoneInfo TimeZone => Viewer?.TimeZone ?? TimeZoneInfo.Utc;

    public Guid Me => Viewer?.Id ?? throw new InvalidOperationException("This page is for signed-in people.");
}

/// <summary>Builds the <see cref="PageContext"/> of a request: one query for the viewer's name, zone and unread notifications.</summary>
public sealed class PageContexts(TranslationDb db, IAntiforgery antiforgery)
{
    public async Task<PageContext> ForAsync(HttpContext http)
    {
        Viewer? viewer = null;
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var me = http.User.AccountId();
            var found = await db.Users.AsNoTracking().Where(a => a.Id == me)
                .Select(a => new
                {
                    a.DisplayName,
                    a.Email,
                    Zone = db.VolunteerProfiles.Where(p => p.AccountId == me).Select(p => p.TimeZone).FirstOrDefault(),
                    Unread = db.Notifications.Count(n => n.AccountId == me && n.ReadAt == null),
                })
                .SingleOrDefaultAsync(http.RequestAborted);
            if (found is not null)
            {
                var zone = TimeZoneInfo.TryFindSystemTimeZoneById(found.Zone ?? "UTC", out var z) ? z : TimeZoneInfo.Utc;
                viewer = new Viewer(me, found.DisplayName, found.Email ?? "", [.. http.User.FindAll(ClaimTypes.Role).Select(c => c.Value)], zone, found.Unread);
            }
        }
        return WithoutDatabase(http) with { Viewer = viewer };
    }

    /// <summary>The context without the viewer, which is all a page can have while the database is away.</summary>
    public PageContext WithoutDatabase(HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var culture = CultureInfo.CurrentUICulture;
        // The browser's region for dates and numbers when it speaks the interface's language (fr-CH for French); else the interface's own.
        var formatting = WebSetup.FormattingCulture(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == culture.TwoLetterISOLanguageName
            ? CultureInfo.CurrentCulture
            : culture);
        return new PageContext(null, culture, formatting, tokens.FormFieldName, tokens.RequestToken ?? "", http.Request.Path + http.Request.QueryString);
    }
}
