using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Wgig.Translate.Api.Tests.Security;

/// <summary>Cookie sessions: what ends them, cross-site requests, password reset by e-mail, account disabling.</summary>
public sealed class SessionSecurityTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Password = "a-good-long-password";

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static HttpRequestMessage WithCookie(HttpMethod method, string url, string cookie, object? body = null, string? origin = null, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        return request;
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => api.CreateClient((string?)null).SendAsync(request);

    [Fact]
    public async Task The_anonymous_endpoints_answer_429_with_retry_after_past_the_limit_per_address_and_signed_in_calls_go_on()
    {
        // A host of its own with a small limit: its rate limiter counts only this test's requests.
        await using var limited = api.WithWebHostBuilder(host => host.UseSetting("RateLimits:AnonymousPerMinute", "3"));
        var anonymous = limited.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        var before = await api.Database.SnapshotAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/password-reset", new { email = $"nobody{i}@example.org" })).StatusCode);
        }
        // The limit is per client address across every anonymous endpoint: reset, accept invitation, complete reset, webhook.
        var refused = new[]
        {
            await anonymous.PostAsJsonAsync("/api/password-reset", new { email = "nobody@example.org" }),
            await anonymous.PostAsJsonAsync("/api/accounts", new { invitation = "inv_x", displayName = "X", password = Password }),
            await anonymous.PostAsJsonAsync("/api/password-reset/complete", new { token = "rst_x", password = Password }),
            await anonymous.PostAsync($"/webhooks/github/{Guid.NewGuid()}", new StringContent("{}")),
        };

        foreach (var response in refused)
        {
            await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "Try again in");
            var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
        }
        Assert.Equal(before, await api.Database.SnapshotAsync());
        var signedIn = limited.CreateClient();
        signedIn.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAccounts.VolunteerToken);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_cookie_even_when_it_is_replayed()
    {
        await api.InviteAndSignUpAsync("ana@example.org", Password);
        var cookie = await api.SignInAsync("ana@example.org", Password);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(WithCookie(HttpMethod.Get, "/api/me", cookie))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(WithCookie(HttpMethod.Delete, "/api/session", cookie))).StatusCode);

        await (await SendAsync(WithCookie(HttpMethod.Get, "/api/me", cookie))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        await api.InviteAndSignUpAsync("bo@example.org", Password);
        var laptop = await api.SignInAsync("bo@example.org", Password);
        var phone = await api.SignInAsync("bo@example.org", Password);

        var changed = await SendAsync(WithCookie(HttpMethod.Post, "/api/me/password", laptop, new { currentPassword = Password, newPassword = "a-new-long-pass-phrase" }));

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var renewed = changed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("wgig.session=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(WithCookie(HttpMethod.Get, "/api/me", renewed))).StatusCode);
        await (await SendAsync(WithCookie(HttpMethod.Get, "/api/me", phone))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await SendAsync(WithCookie(HttpMethod.Post, "/api/me/password", renewed, new { currentPassword = "wrong", newPassword = "whatever-long-enough" })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "Incorrect password");
    }

    [Fact]
    public async Task An_admin_disabling_an_account_ends_its_cookies_and_tokens_and_it_signs_in_no_more()
    {
        var id = await api.InviteAndSignUpAsync("cy@example.org", Password);
        var cookie = await api.SignInAsync("cy@example.org", Password);
        var token = (await (await SendAsync(WithCookie(HttpMethod.Post, "/api/me/tokens", cookie, new { name = "script" })))
            .Content.ReadFromJsonAsync<Api.Accounts.IssuedTokenResponse>(ApiJson.Options))!.Token;

        await (await api.CreateClient(TestAccounts.CoordinatorToken).PostAsync($"/api/accounts/{id}/disable", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await api.CreateClient(TestAccounts.AdminToken).PostAsync($"/api/accounts/{id}/disable", null)).StatusCode);

        await (await SendAsync(WithCookie(HttpMethod.Get, "/api/me", cookie))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.CreateClient(token).GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await api.CreateClient((string?)null).PostAsJsonAsync("/api/session", new { email = "cy@example.org", password = Password }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "wrong");
    }

    [Fact]
    public async Task A_page_on_another_origin_cannot_change_anything_through_a_signed_in_browser()
    {
        var cookie = await api.SignInAsync("coordinator@test.example", await SetPasswordAsync("coordinator@test.example"));
        var before = await api.Database.SnapshotAsync();
        var project = new { name = "Forged", sourceLanguage = "en", targetLanguages = new[] { "fr" } };

        // Another port of the same host is another origin (and only "same-site" to the browser).
        var otherPort = await SendAsync(WithCookie(HttpMethod.Post, "/api/projects", cookie, project, origin: "http://localhost:8081"));
        var otherSite = await SendAsync(WithCookie(HttpMethod.Post, "/api/projects", cookie, project, fetchSite: "cross-site"));
        var sameSite = await SendAsync(WithCookie(HttpMethod.Post, "/api/projects", cookie, project, fetchSite: "same-site"));

        foreach (var refused in new[] { otherPort, otherSite, sameSite })
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "must come from this site's own pages");
        }
        Assert.Equal(before, await api.Database.SnapshotAsync());
        var sameOrigin = await SendAsync(WithCookie(HttpMethod.Post, "/api/projects", cookie, project, origin: "http://localhost", fetchSite: "same-origin"));
        Assert.Equal(HttpStatusCode.Created, sameOrigin.StatusCode);
        // A bearer token is not something a browser attaches by itself: its requests are not affected.
        var bearer = api.CreateClient(TestAccounts.CoordinatorToken);
        using var scripted = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = JsonContent.Create(new { name = "Scripted", sourceLanguage = "en", targetLanguages = new[] { "fr" } }) };
        scripted.Headers.Add("Origin", "http://elsewhere.example");
        Assert.Equal(HttpStatusCode.Created, (await bearer.SendAsync(scripted)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_by_e_mail_works_once_within_the_hour_and_ends_old_sessions()
    {
        await api.InviteAndSignUpAsync("dee@example.org", Password);
        var oldSession = await api.SignInAsync("dee@example.org", Password);
        var anonymous = api.CreateClient((string?)null);

        var known = await anonymous.PostAsJsonAsync("/api/password-reset", new { email = "dee@example.org" });
        var unknown = await anonymous.PostAsJsonAsync("/api/password-reset", new { email = "nobody@example.org" });
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (known.StatusCode, unknown.StatusCode));
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.outgoing_mails WHERE to_address = 'nobody@example.org'"));
        var token = await api.TokenFromLetterAsync("dee@example.org");
        // Stored only as a hash; the letter waits sealed.
        Assert.Equal([0L], await api.Database.QueryAsync<long>($"SELECT count(*) FROM translate.outgoing_mails WHERE sealed_body LIKE '%{token}%'"));
        Assert.Equal([0L], await api.Database.QueryAsync<long>($"SELECT count(*) FROM translate.password_resets WHERE hash = '{token}'"));
        Assert.Contains("/reset-password?token=", api.Services.GetRequiredService<Wgig.Translate.Domain.Security.ICredentialProtector>()
            .Unprotect((await api.Database.QueryAsync<string>("SELECT sealed_body FROM translate.outgoing_mails WHERE to_address = 'dee@example.org' ORDER BY created_at DESC LIMIT 1")).Single()),
            StringComparison.Ordinal);

        await (await anonymous.PostAsJsonAsync("/api/password-reset/complete", new { token, password = "short" })).AssertProblemAsync(HttpStatusCode.BadRequest, "at least 10");
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/password-reset/complete", new { token, password = "a-brand-new-pass-phrase" })).StatusCode);
        await (await anonymous.PostAsJsonAsync("/api/password-reset/complete", new { token, password = "yet-another-pass-phrase" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "already used or expired");

        await (await SendAsync(WithCookie(HttpMethod.Get, "/api/me", oldSession))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await api.SignInAsync("dee@example.org", "a-brand-new-pass-phrase");

        await anonymous.PostAsJsonAsync("/api/password-reset", new { email = "dee@example.org" });
        var late = await api.TokenFromLetterAsync("dee@example.org");
        api.Clock.Advance(TimeSpan.FromMinutes(61));
        await (await anonymous.PostAsJsonAsync("/api/password-reset/complete", new { token = late, password = "too-late-pass-phrase" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "already used or expired");
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        foreach (var path in new[] { "/api/projects", "/health/live", "/no/such/page" })
        {
            using var response = await api.CreateClient().GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    // The seeded test accounts sign in with tokens; give one a password for cookie tests.
    private async Task<string> SetPasswordAsync(string email)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Domain.Accounts.Account>>();
        var account = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.AddPasswordAsync(account, Password)).Succeeded);
        return Password;
    }
}
