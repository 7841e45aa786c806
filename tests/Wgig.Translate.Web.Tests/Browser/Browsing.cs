using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Wgig.Translate.Web.Tests.Browser;

/// <summary>
/// One person's browser window on the web app: a fresh context (cookies, storage, language, size), its
/// page, and what went wrong in it (script errors, refused content, failed requests) for the test to check.
/// </summary>
public sealed class Browsing : IAsyncDisposable
{
    public static readonly (int Width, int Height) Desktop = (1280, 900);
    public static readonly (int Width, int Height) Phone = (390, 844);

    private readonly WebApp _app;

    private Browsing(WebApp app, IBrowserContext context, IPage page)
    {
        _app = app;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add($"script: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType is not ("document" or "fetch"))
            {
                Problems.Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Script errors and console errors (a Content-Security-Policy refusal is one).</summary>
    public List<string> Problems { get; } = [];

    public static async Task<Browsing> OpenAsync(WebApp app, string locale = "en-GB", bool javaScript = true, (int Width, int Height)? size = null)
    {
        var (width, height) = size ?? Desktop;
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Europe/Zurich",
        });
        // Generous for a shared, loaded machine; a healthy run waits far less.
        context.SetDefaultTimeout(30_000);
        return new Browsing(app, context, await context.NewPageAsync());
    }

    public async Task SignInAsync(string email, string password, string at = "/")
    {
        await Page.GotoAsync($"/sign-in?returnUrl={Uri.EscapeDataString(at)}");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("form[action='/sign-in'] button[type=submit]").ClickAsync();
        await Page.ArriveAtAsync("^(?!.*/sign-in)"); // anywhere but the sign-in page
    }

    /// <summary>Claims the next batch from My work and lands in the editor at it.</summary>
    public async Task<IPage> ClaimAsync(Guid project, Guid document, string language)
    {
        await Page.GotoAsync("/");
        await Page.Locator($"form[action='/projects/{project}/{language}/claims'] button").ClickAsync();
        await Page.ArriveAtAsync($@"/projects/{project}/documents/{document}/{language}\?filter=Mine$");
        return Page;
    }

    /// <summary>A full-page picture under the test output's screenshots folder.</summary>
    public async Task ShotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebApp.Artifacts, name + ".png"), FullPage = true });

    /// <summary>axe on the page as it is: no serious or critical violation.</summary>
    public async Task AssertAccessibleAsync(string what)
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{what}: " + string.Join("\n", bad.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>
    /// The page in English and Arabic, on a desktop and a phone: a 200 in the language's direction, axe once per language, and a
    /// screenshot of each ("{name}.{culture}.{desktop|phone}"); the interface is English again afterwards.
    /// </summary>
    public async Task VisitInBothLanguagesAsync(string url, string name)
    {
        foreach (var culture in new[] { "en", "ar" })
        {
            await UseLanguageAsync(culture);
            foreach (var (label, size) in new[] { ("desktop", Desktop), ("phone", Phone) })
            {
                await Page.SetViewportSizeAsync(size.Width, size.Height);
                var response = await Page.GotoAsync(url);
                Assert.Equal(200, response!.Status);
                Assert.Equal((culture, culture == "ar" ? "rtl" : "ltr"),
                    (await Page.Locator("html").GetAttributeAsync("lang"), await Page.Locator("html").GetAttributeAsync("dir")));
                if (label == "desktop")
                {
                    await AssertAccessibleAsync($"{name} ({culture})");
                }
                else
                {
                    await AssertFitsTheScreenAsync($"{name} ({culture})");
                }
                await ShotAsync($"{name}.{culture}.{label}");
            }
        }
        await UseLanguageAsync("en");
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        AssertNoProblems();
    }

    /// <summary>The interface language for the pages loaded from now on, as the language menu sets it.</summary>
    public Task UseLanguageAsync(string culture) =>
        Context.AddCookiesAsync([new Cookie { Name = "wgig.culture", Value = $"c={culture}|uic={culture}", Url = _app.BaseUrl }]);

    /// <summary>
    /// The page is no wider than the phone's screen: a wide table scrolls inside its own region (.table-scroll) instead of
    /// making the whole page scroll sideways.
    /// </summary>
    public async Task AssertFitsTheScreenAsync(string what)
    {
        var wider = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (wider > 0)
        {
            // What sticks out, to say where to look: elements past the screen's edge that no scrolling region holds.
            var outside = await Page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.getBoundingClientRect().left < -1)
                    .filter(e => !e.parentElement.closest('.table-scroll'))
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '')).join(', ')
                """);
            Problems.Add($"{what} is {wider} px wider than the phone's screen ({outside})");
        }
    }

    public void AssertNoProblems() => Assert.True(Problems.Count == 0, string.Join("\n", Problems));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
