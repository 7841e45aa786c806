using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Wgig.Translate.Api.Web.Account;
using Wgig.Translate.Api.Web.Dashboard;
using Wgig.Translate.Api.Web.Editor;
using Wgig.Translate.Api.Web.Papers;
using Wgig.Translate.Api.Web.People;
using Wgig.Translate.Api.Web.Review;
using Wgig.Translate.Api.Web.Settings;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Api.Web.Work;
using Wgig.Translate.Domain.Profiles;

namespace Wgig.Translate.Api.Web;

/// <summary>
/// The web app: server-rendered Razor components answering the pages' routes beside the JSON API, in the
/// six interface languages, with small script modules that enhance what already works without them.
/// </summary>
public static class WebSetup
{
    public const string CultureCookie = "wgig.culture";

    public static IServiceCollection AddWebApp(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Pages in Arabic, Chinese and Russian are written as characters, not as six-to-ten-byte HTML entities.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.AddSingleton<StaticAssets>();
        services.AddSingleton<WebNavigation>();
        services.AddScoped<PageContexts>();
        services.AddScoped<EditorReader>();
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => options.Cookie.Name = "wgig.antiforgery");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = VolunteerProfile.InterfaceLanguages.Select(InterfaceCulture).ToList();
            options.DefaultRequestCulture = new RequestCulture(InterfaceCulture("en"));
            // Words in one of the six languages; dates and numbers in the browser's own region where it names one.
            options.SupportedCultures = [.. CultureInfo.GetCultures(CultureTypes.AllCultures).Where(c => c.Name.Length > 0)];
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The profile's choice travels in the culture cookie (set at sign-in and by the switcher); else the browser's languages.
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CultureCookie }, new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddResponseCompression(options =>
        {
            // The pages are read on slow connections: HTML compresses about six to one. Antiforgery tokens differ on
            // every response, so compressing secrets beside reflected text gives BREACH nothing stable to guess.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        return services;
    }

    /// <summary>The interface cultures, always on the Gregorian calendar (UN documents date by it, in Arabic too).</summary>
    public static CultureInfo InterfaceCulture(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            culture.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
        }
        return CultureInfo.ReadOnly(culture);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CultureInfo> Formatting = new(StringComparer.Ordinal);

    /// <summary>A culture for writing dates and numbers, on the Gregorian calendar whatever the region's default (ar-SA's is Umm al-Qura).</summary>
    public static CultureInfo FormattingCulture(CultureInfo culture) => Formatting.GetOrAdd(culture.Name, InterfaceCulture);

    /// <summary>Compression and static files for everyone; the interface language for the pages (the JSON API stays invariant).</summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.UseResponseCompression();
        app.Use((http, next) =>
        {
            StaticAssets.CacheVersioned(http);
            return next(http);
        });
        app.UseStaticFiles();
        // The pages' Content-Security-Policy (no inline script) and other headers are SecurityHeaders', as for the API.
        app.UseWhen(http => !IsMachinePath(http.Request.Path) && !http.Request.Path.StartsWithSegments("/docs"), branch => branch.UseRequestLocalization());
        return app;
    }

    private static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi")
        || path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/webhooks");

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var web = app.MapGroup("").WithMetadata(WebPageMetadata.Instance).ExcludeFromDescription();
        var navigation = app.Services.GetRequiredService<WebNavigation>();
        web.MapShell();
        web.MapAccountPages(navigation);
        web.MapWorkPages(navigation);
        web.MapEditorPages();
        web.MapReviewPages();
        web.MapPeoplePages(navigation);
        web.MapInvitationPages();
        web.MapDashboardPages(navigation);
        web.MapPaperPages();
        web.MapGatePages();
        web.MapSettingsPages();
        return app;
    }
}
