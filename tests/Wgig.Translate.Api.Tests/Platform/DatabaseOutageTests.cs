using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Platform;

/// <summary>
/// The API with its database connection running through a gate the test cuts: what callers see while the
/// database is away, and that the same process serves again once it is back. The fault harness in bench/
/// does the same with a real PostgreSQL stopped and started under load.
/// </summary>
[RunsLong(6)]
public sealed class DatabaseOutageTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private TcpGate Gate()
    {
        var server = new NpgsqlConnectionStringBuilder(api.Database.ConnectionString);
        return new TcpGate(server.Host!, server.Port);
    }

    private WebApplicationFactoryClient Through(TcpGate gate)
    {
        var gated = new NpgsqlConnectionStringBuilder(api.Database.ConnectionString) { Host = "127.0.0.1", Port = gate.Port, Timeout = 3 }.ConnectionString;
        return new WebApplicationFactoryClient(api.WithWebHostBuilder(host => host.UseSetting("ConnectionStrings:Translation", gated)));
    }

    [Fact]
    public async Task While_the_database_is_away_liveness_stays_green_even_with_a_token_and_everything_else_is_a_503_with_retry_after()
    {
        await using var gate = Gate();
        using var gated = Through(gate);
        var client = gated.Client(TestAccounts.AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/projects")).StatusCode);

        gate.Cut();

        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetAsync("/health/ready");
        var notReady = await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "Database unreachable");
        Assert.Equal("Unhealthy", notReady.GetProperty("health").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), ready.Headers.RetryAfter?.Delta);
        // The token is checked against the database: that is where the outage shows, as a 503, not a 500.
        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/api/projects"),
            () => client.PostAsJsonAsync("/api/projects", new { name = "During the outage", sourceLanguage = "en", targetLanguages = new[] { "fr" } }),
            () => gated.Client(null).PostAsJsonAsync("/api/session", new { email = "admin@test.example", password = "not the password" }),
        })
        {
            var response = await call();
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "try again in a few seconds");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }

        gate.Restore();

        // The same process, no restart: pooled connections the cut broke are replaced as they are found broken.
        HttpResponseMessage? after = null;
        for (var attempt = 0; attempt < 10 && after?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            after = await client.GetAsync("/health/ready");
        }
        Assert.Equal(HttpStatusCode.OK, after!.StatusCode);
        var created = await client.PostAsJsonAsync("/api/projects", new { name = "After the outage", sourceLanguage = "en", targetLanguages = new[] { "fr" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["After the outage"], await api.Database.QueryAsync<string>("SELECT name FROM translate.projects"));
    }

    [Fact]
    public async Task While_the_database_is_away_the_pages_answer_a_503_page_with_retry_after_never_a_500_and_serve_again_once_it_is_back()
    {
        var admin = api.CreateClient();
        var project = await admin.CreateProjectAsync(targets: ["fr"]);
        var document = (await (await admin.UploadAsync(project, "paper.md", "The group met twice.\n\nIt wrote a report.\n"u8.ToArray()))
            .Content.ReadFromJsonAsync<global::Wgig.Translate.Api.Documents.DocumentResponse>(ApiJson.Options))!.Id;
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Domain.Accounts.Account>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByEmailAsync("admin@test.example"))!, "a long pass phrase")).Succeeded);
        }
        await using var gate = Gate();
        using var gated = Through(gate);
        var browser = gated.Browser();
        var signInForm = await browser.GetStringAsync("/sign-in");
        var signedIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Regex.Match(signInForm, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["email"] = "admin@test.example", ["password"] = "a long pass phrase", ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var pages = new[] { $"/projects/{project}", $"/projects/{project}/documents/{document}/fr/", "/" };
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        }

        gate.Cut();

        // What the browser asks for: the pages (which load themselves again after Retry-After), a form it sends (never sent again by
        // itself) and the dashboard's live figures, which its script fetches and leaves as they are when the answer is not a success.
        async Task<string> UnavailableAsync(HttpResponseMessage response, string mediaType)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            return body;
        }
        foreach (var page in pages)
        {
            var html = await UnavailableAsync(await browser.GetAsync(page), "text/html");
            Assert.Contains("<h1>Back in a moment</h1>", html, StringComparison.Ordinal);
            Assert.Contains("<meta http-equiv=\"refresh\" content=\"5\" />", html, StringComparison.Ordinal);
        }
        var signedOut = gated.Browser();
        var form = await signedOut.GetAsync("/sign-in"); // needs no database
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var sent = await UnavailableAsync(await signedOut.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["email"] = "admin@test.example", ["password"] = "a long pass phrase", ["returnUrl"] = "/",
        })), "text/html");
        Assert.Contains("go back and send it again", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", sent, StringComparison.Ordinal);
        var live = new HttpRequestMessage(HttpMethod.Get, $"/projects/{project}");
        live.Headers.Add("Wgig-Partial", "live");
        Assert.Contains("nothing was saved", await UnavailableAsync(await browser.SendAsync(live), "text/plain"), StringComparison.Ordinal);
        var french = new HttpRequestMessage(HttpMethod.Get, pages[1]);
        french.Headers.AcceptLanguage.ParseAdd("fr");
        Assert.Contains("<html lang=\"fr\"", await UnavailableAsync(await browser.SendAsync(french), "text/html"), StringComparison.Ordinal);

        gate.Restore();

        HttpResponseMessage? after = null;
        for (var attempt = 0; attempt < 10 && after?.StatusCode != HttpStatusCode.OK; attempt++)
        {
            after = await browser.GetAsync(pages[0]);
        }
        Assert.Equal(HttpStatusCode.OK, after!.StatusCode);
    }

    /// <summary>A derived factory and its clients, disposed together.</summary>
    private sealed class WebApplicationFactoryClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) : IDisposable
    {
        public HttpClient Client(string? token)
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        /// <summary>A browser: no token, its cookies kept, redirects not followed, asking for HTML as Chromium does.</summary>
        public HttpClient Browser()
        {
            var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = null;
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            return client;
        }

        public void Dispose() => factory.Dispose();
    }
}
