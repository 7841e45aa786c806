using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests.Accounts;

[RunsLong(5)]
public sealed class AccountsApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_invited_person_signs_up_signs_in_with_a_cookie_and_issues_a_token()
    {
        var admin = api.CreateClient(TestAccounts.AdminToken);
        var invited = await admin.PostAsJsonAsync("/api/invitations", new { email = "amina@example.org", role = "volunteer" });
        var browser = api.CreateBrowser();
        var token = await api.TokenFromLetterAsync("amina@example.org");

        var signUp = await browser.PostAsJsonAsync("/api/accounts", new { invitation = token, displayName = "Amina", password = "translate-wsis-2005" });
        var reuse = await browser.PostAsJsonAsync("/api/accounts", new { invitation = token, displayName = "Again", password = "translate-wsis-2005" });
        var signIn = await browser.PostAsJsonAsync("/api/session", new { email = "amina@example.org", password = "translate-wsis-2005" });
        var me = await browser.GetFromJsonAsync<AccountResponse>("/api/me", ApiJson.Options);
        var issued = (await (await browser.PostAsJsonAsync("/api/me/tokens", new { name = "OmegaT", days = 30 })).Content.ReadFromJsonAsync<IssuedTokenResponse>(ApiJson.Options))!;

        // The token travels only in the letter, which links to the web page that accepts it.
        Assert.DoesNotContain(token, await invited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        await reuse.AssertProblemAsync(HttpStatusCode.BadRequest, "already used or expired");
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        Assert.Equal(("amina@example.org", "Amina"), (me!.Email, me.DisplayName));
        Assert.Equal(["volunteer"], me.Roles);
        Assert.StartsWith("wgig_", issued.Token, StringComparison.Ordinal);
        var tokenClient = api.CreateClient(issued.Token);
        Assert.Equal("amina@example.org", (await tokenClient.GetFromJsonAsync<AccountResponse>("/api/me", ApiJson.Options))!.Email);
        Assert.Equal([1L], await api.Database.QueryAsync<long>($"SELECT count(*) FROM translate.api_tokens WHERE hash = '{Wgig.Translate.Domain.Accounts.Secrets.Hash(issued.Token)}'"));
        Assert.Empty(await api.Database.QueryAsync<string>($"SELECT name FROM translate.api_tokens WHERE hash = '{issued.Token}'"));
    }

    [Fact]
    public async Task A_revoked_token_no_longer_signs_in()
    {
        var volunteer = api.CreateClient(TestAccounts.VolunteerToken);
        var issued = (await (await volunteer.PostAsJsonAsync("/api/me/tokens", new { name = "script" })).Content.ReadFromJsonAsync<IssuedTokenResponse>(ApiJson.Options))!;
        var script = api.CreateClient(issued.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.DeleteAsync($"/api/me/tokens/{issued.Id}")).StatusCode);

        await (await script.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var listed = await volunteer.GetFromJsonAsync<List<TokenResponse>>("/api/me/tokens", ApiJson.Options);
        Assert.NotNull(listed!.Single(t => t.Id == issued.Id).RevokedAt);
    }

    [Fact]
    public async Task Repeated_sign_ins_are_rate_limited_per_account_with_a_429_and_retry_after_and_lock_nobody_out()
    {
        await api.InviteAndSignUpAsync("bo@example.org", "a-good-long-password");
        await api.InviteAndSignUpAsync("cy@example.org", "another-long-password");
        var anonymous = api.CreateClient((string?)null);

        for (var attempt = 0; attempt < 10; attempt++)
        {
            await (await anonymous.PostAsJsonAsync("/api/session", new { email = "bo@example.org", password = "wrong" })).AssertProblemAsync(HttpStatusCode.Unauthorized, "wrong");
        }
        var limited = await anonymous.PostAsJsonAsync("/api/session", new { email = "bo@example.org", password = "a-good-long-password" });

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "try again in");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        // Nothing is locked: another account signs in from the same address, and Bo's account is not marked.
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/session", new { email = "cy@example.org", password = "another-long-password" })).StatusCode);
        Assert.Equal([0], await api.Database.QueryAsync<int>("SELECT access_failed_count FROM translate.accounts WHERE email = 'bo@example.org'"));
    }

    [Fact]
    public async Task An_unknown_e_mail_and_a_wrong_password_get_the_same_answer()
    {
        await api.InviteAndSignUpAsync("dee@example.org", "a-good-long-password");
        var anonymous = api.CreateClient((string?)null);

        var wrong = await anonymous.PostAsJsonAsync("/api/session", new { email = "dee@example.org", password = "not her password" });
        var unknown = await anonymous.PostAsJsonAsync("/api/session", new { email = "nobody@example.org", password = "not her password" });

        static async Task<string> WithoutTrace(HttpResponseMessage response)
        {
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            problem.Remove("traceId");
            return $"{(int)response.StatusCode} {problem.ToJsonString()}";
        }
        Assert.Equal(await WithoutTrace(wrong), await WithoutTrace(unknown));
    }

    [Fact]
    public async Task A_weak_password_is_a_400_naming_the_rule_and_no_account_is_made()
    {
        await api.CreateClient(TestAccounts.AdminToken).PostAsJsonAsync("/api/invitations", new { email = "cy@example.org", role = "volunteer" });

        var response = await api.CreateClient((string?)null).PostAsJsonAsync("/api/accounts",
            new { invitation = await api.TokenFromLetterAsync("cy@example.org"), password = "short" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "at least 10 characters");
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.accounts WHERE email = 'cy@example.org'"));
    }

    public static TheoryData<string, string, string?, HttpStatusCode> Matrix => new()
    {
        // endpoint, method, who, expected
        { "GET", "/api/projects", null, HttpStatusCode.Unauthorized },
        { "GET", "/api/projects", TestAccounts.VolunteerToken, HttpStatusCode.OK },
        { "POST", "/api/projects", null, HttpStatusCode.Unauthorized },
        { "POST", "/api/projects", TestAccounts.VolunteerToken, HttpStatusCode.Forbidden },
        { "POST", "/api/projects", TestAccounts.CoordinatorToken, HttpStatusCode.Created },
        { "POST", "/api/projects", TestAccounts.AdminToken, HttpStatusCode.Created },
        { "POST", "/api/invitations", null, HttpStatusCode.Unauthorized },
        { "POST", "/api/invitations", TestAccounts.VolunteerToken, HttpStatusCode.Forbidden },
        { "POST", "/api/invitations", TestAccounts.CoordinatorToken, HttpStatusCode.Created },
        { "GET", "/api/me", null, HttpStatusCode.Unauthorized },
        { "GET", "/api/me", "wgig_not-a-real-token", HttpStatusCode.Unauthorized },
        { "GET", "/health/ready", null, HttpStatusCode.OK },
        { "GET", "/openapi/v1.json", null, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Every_endpoint_is_closed_unless_the_caller_may_use_it(string method, string path, string? token, HttpStatusCode expected)
    {
        var client = api.CreateClient(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = path.EndsWith("invitations", StringComparison.Ordinal)
                ? JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.org", role = "volunteer" })
                : JsonContent.Create(new { name = $"P {Guid.NewGuid():N}", sourceLanguage = "en", targetLanguages = new[] { "fr" } });
        }

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if ((int)expected >= 400)
        {
            await response.AssertProblemAsync(expected);
        }
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("secretariat")]
    [InlineData("coordinator")]
    public async Task A_coordinator_may_not_invite_anyone_with_more_power_than_a_volunteer(string role)
    {
        var before = await api.Database.SnapshotAsync();

        await (await api.CreateClient(TestAccounts.CoordinatorToken).PostAsJsonAsync("/api/invitations", new { email = "x@example.org", role }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, $"You may not invite someone as {role}");

        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_coordinator_invites_coordinators_only_when_an_admin_allowed_it()
    {
        using var allowed = api.WithWebHostBuilder(host => host.UseSetting("Accounts:CoordinatorsMayInviteCoordinators", "true"));
        var coordinator = allowed.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAccounts.CoordinatorToken);

        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync("/api/invitations", new { email = "co@example.org", role = "coordinator" })).StatusCode);
        await (await coordinator.PostAsJsonAsync("/api/invitations", new { email = "se@example.org", role = "secretariat" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
