using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Accounts;

namespace Wgig.Translate.Api.Tests.Web;

/// <summary>The web app over HTTP, without a browser: who gets which page, in which language, and what the pages may contain.</summary>
public sealed partial class WebPagesTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Browser(string? token = null, string? language = null)
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
        return client;
    }

    private static string Token(string page) => AntiforgeryField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private async Task<string> PasswordAccountAsync(string email)
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Zoé", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(account, "a long pass phrase")).Succeeded);
        return email;
    }

    [Fact]
    public async Task Signed_out_the_front_door_is_the_sign_in_page_in_the_browsers_language_and_the_api_still_answers_401()
    {
        var page = await Browser(language: "fr-CH, fr;q=0.9, en;q=0.5").GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Se connecter</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", await Browser(language: "ar-EG").GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh\" dir=\"ltr\">", await Browser(language: "zh-CN").GetStringAsync("/"), StringComparison.Ordinal);

        var profile = await Browser().GetAsync("/profile?x=1");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.EndsWith("/sign-in?returnUrl=%2Fprofile%3Fx%3D1", profile.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await (await Browser().GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_shows_the_error_summary_and_a_right_one_brings_back_the_profiles_language()
    {
        var email = await PasswordAccountAsync("zoe@test.example");
        var client = Browser();
        var form = Token(await client.GetStringAsync("/sign-in"));

        var wrong = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["email"] = email, ["password"] = "not the one", ["returnUrl"] = "/",
        }));
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("<title>Error: Sign in", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#email\">The e-mail address or the password is wrong.</a>", html, StringComparison.Ordinal);

        await api.Database.ExecuteAsync($"""
            INSERT INTO translate.volunteer_profiles (account_id, languages, capacity_words_per_week, time_zone, availability, paused, mail,
                show_email_in_credits, interface_language, updated_at)
            SELECT id, '[]', 0, 'UTC', '[]', false, 'Immediately', false, 'ru', now() FROM translate.accounts WHERE email = '{email}'
            """);
        var right = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html), ["email"] = email, ["password"] = "a long pass phrase", ["returnUrl"] = "//evil.example/",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        Assert.Contains(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("wgig.culture=c%3Dru%7Cuic%3Dru", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keep_me_signed_in_gives_a_cookie_that_outlives_the_window_for_thirty_days_and_without_it_the_session_ends_with_the_window()
    {
        var email = await PasswordAccountAsync("yann@test.example");

        async Task<string> SessionCookieAsync(bool remember)
        {
            var client = Browser();
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Token(await client.GetStringAsync("/sign-in")), ["email"] = email, ["password"] = "a long pass phrase",
                ["returnUrl"] = "/",
            };
            if (remember)
            {
                fields["remember"] = "1";
            }
            var signedIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
            return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("wgig.session=", StringComparison.Ordinal));
        }

        var remembered = await SessionCookieAsync(remember: true);
        var expires = DateTimeOffset.Parse(System.Text.RegularExpressions.Regex.Match(remembered, "expires=([^;]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(29), TimeSpan.FromDays(30.1));
        Assert.Contains("httponly", remembered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", await SessionCookieAsync(remember: false), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        var before = await api.Database.SnapshotAsync();

        var posted = await Browser(TestAccounts.VolunteerToken).PostAsync("/profile/pause", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "away" }));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Pages_run_no_inline_script_or_style_and_show_what_people_typed_as_text()
    {
        var admin = api.CreateClient();
        var project = await admin.CreateProjectAsync("<script>alert('name')</script>", targets: ["fr"]);
        var document = (await (await admin.UploadAsync(project, "paper.md", "The group <b>met</b> twice.\n"u8.ToArray())).Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        var segment = (await admin.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{project}/documents/{document.Id}/segments", ApiJson.Options))!.Items[0];
        var comment = await admin.PostAsJsonAsync($"/api/projects/{project}/documents/{document.Id}/segments/{segment.Id}/translations/fr/comments",
            new { text = "<img src=x onerror=alert(1)> is this right?" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var browser = Browser(TestAccounts.AdminToken);

        foreach (var url in new[] { "/", "/profile", "/notifications", $"/projects/{project}/documents/{document.Id}/fr", $"/projects/{project}/documents/{document.Id}/fr/segments/{segment.Id}" })
        {
            var page = await browser.GetAsync(url);
            var html = await page.Content.ReadAsStringAsync();
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {(int)page.StatusCode}");
            var policy = page.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineStyleOrHandler(), html);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }
        var segmentPage = await browser.GetStringAsync($"/projects/{project}/documents/{document.Id}/fr/segments/{segment.Id}");
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; is this right?", segmentPage, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;",
            await browser.GetStringAsync($"/projects/{project}/documents/{document.Id}/fr"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_projects_pages_are_forbidden_and_an_unknown_document_is_not_found_in_html()
    {
        var project = await api.CreateClient().CreateProjectAsync(targets: ["fr"]);

        var outsider = await Browser(TestAccounts.VolunteerToken).GetAsync($"/projects/{project}/documents/{Guid.NewGuid()}/fr");
        var unknown = await Browser(TestAccounts.AdminToken).GetAsync($"/projects/{project}/documents/{Guid.NewGuid()}/fr");

        Assert.Equal((HttpStatusCode.Forbidden, "text/html"), (outsider.StatusCode, outsider.Content.Headers.ContentType?.MediaType));
        Assert.Contains("You hold no right in this project", await outsider.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (unknown.StatusCode, unknown.Content.Headers.ContentType?.MediaType));
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\s(style|on[a-z]+)=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrHandler();
}
