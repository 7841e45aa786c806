using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Wgig.Translate.Api.Publishing;

namespace Wgig.Translate.Api.Tests.Web;

/// <summary>
/// A project's settings page over HTTP: the repository form keeps the JSON API's credential rules (left blank, a stored token
/// or app key stays while the destination does and never follows it elsewhere; the Enterprise server is the admins'), and
/// no stored credential ever appears in a page.
/// </summary>
public sealed partial class SettingsPagesTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Token = "ghp_a-stored-token-value";

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Browser(string token)
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static Dictionary<string, string> Form(string page, string owner, string branch = "main", string token = "", string appId = "", string installationId = "",
        string apiBaseUrl = "") => new()
    {
        ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value, ["host"] = "GitHub", ["owner"] = owner, ["name"] = "papers",
        ["branch"] = branch, ["sourcePattern"] = "papers/en/**/*.md", ["targetTemplate"] = "papers/{lang}/{path}", ["writeMode"] = "PullRequest",
        ["token"] = token, ["appId"] = appId, ["installationId"] = installationId, ["appPrivateKey"] = "", ["apiBaseUrl"] = apiBaseUrl,
    };

    private async Task<RepositoryResponse> StoredAsync(Guid projectId) =>
        (await api.CreateClient(TestAccounts.AdminToken).GetFromJsonAsync<RepositoryResponse>($"/api/projects/{projectId}/repository", ApiJson.Options))!;

    [Fact]
    public async Task A_stored_token_stays_when_left_blank_is_never_shown_and_does_not_follow_a_new_owner()
    {
        var coordinator = Browser(TestAccounts.CoordinatorToken);
        var projectId = await api.CreateClient(TestAccounts.CoordinatorToken).CreateProjectAsync();
        var url = $"/projects/{projectId}/settings";
        Assert.Equal(HttpStatusCode.SeeOther, (await coordinator.PostAsync($"{url}/repository",
            new FormUrlEncodedContent(Form(await coordinator.GetStringAsync(url), "wgig", token: Token)))).StatusCode);

        var page = await coordinator.GetStringAsync(url);
        var kept = await coordinator.PostAsync($"{url}/repository", new FormUrlEncodedContent(Form(page, "wgig", branch: "release")));
        var elsewhere = await coordinator.PostAsync($"{url}/repository", new FormUrlEncodedContent(Form(page, "someone-else", branch: "release")));

        Assert.DoesNotContain(Token, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, kept.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var refused = await elsewhere.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#repo-token\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"someone-else\"", refused, StringComparison.Ordinal);
        var stored = await StoredAsync(projectId);
        Assert.Equal(("wgig", "release", true), (stored.Owner, stored.Branch, stored.HasToken));
    }

    [Fact]
    public async Task An_app_key_left_blank_stays_and_a_coordinator_cannot_choose_the_enterprise_server()
    {
        var projectId = await api.CreateClient(TestAccounts.CoordinatorToken).CreateProjectAsync();
        using var key = System.Security.Cryptography.RSA.Create(2048);
        (await api.CreateClient(TestAccounts.AdminToken).PutAsJsonAsync($"/api/projects/{projectId}/repository", new
        {
            host = "GitHub", owner = "wgig", name = "papers", branch = "main", sourcePattern = "papers/en/**/*.md", targetTemplate = "papers/{lang}/{path}",
            appId = 1234, installationId = 42, appPrivateKey = key.ExportRSAPrivateKeyPem(), apiBaseUrl = "https://github.example.org",
        })).EnsureSuccessStatusCode();
        var coordinator = Browser(TestAccounts.CoordinatorToken);
        var url = $"/projects/{projectId}/settings";
        var page = await coordinator.GetStringAsync(url);

        var saved = await coordinator.PostAsync($"{url}/repository", new FormUrlEncodedContent(Form(page, "wgig", branch: "release", appId: "1234",
            installationId: "42", apiBaseUrl: "https://attacker.example")));

        Assert.DoesNotContain("PRIVATE KEY", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"repo-apiBaseUrl\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var stored = await StoredAsync(projectId);
        Assert.Equal(("release", true, 1234L, "https://github.example.org"), (stored.Branch, stored.HasAppPrivateKey, stored.AppId, stored.ApiBaseUrl));
    }
}
