using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Accounts;

namespace Wgig.Translate.Api.Tests.Accounts;

public sealed class AccountsApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_invited_person_signs_up_signs_in_with_a_cookie_and_issues_a_token()
    {
        var admin = api.CreateClient(TestAccounts.AdminToken);
        var invitation = (await (await admin.PostAsJsonAsync("/api/invitations", new { email = "amina@example.org", role = "volunteer" }))
            .Content.ReadFromJsonAsync<InvitationResponse>(ApiJson.Options))!;
        var browser = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        browser.DefaultRequestHeaders.Authorization = null;

        var signUp = await browser.PostAsJsonAsync("/api/accounts", new { invitation = invitation.Token, displayName = "Amina", password = "translate-wsis-2005" });
        var reuse = await browser.PostAsJsonAsync("/api/accounts", new { invitation = invitation.Token, displayName = "Again", password = "translate-wsis-2005" });
        var signIn = await browser.PostAsJsonAsync("/api/session", new { email = "amina@example.org", password = "translate-wsis-2005" });
        var me = await browser.GetFromJsonAsync<AccountResponse>("/api/me", ApiJson.Options);
        var issued = (await (await browser.PostAsJsonAsync("/api/me/tokens", new { name = "OmegaT", days = 30 })).Content.ReadFromJsonAsync<IssuedTokenResponse>(ApiJson.Options))!;

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
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var admin = api.CreateClient(TestAccounts.AdminToken);
        var invitation = (await (await admin.PostAsJsonAsync("/api/invitations", new { email = "bo@example.org", role = "volunteer" }))
            .Content.ReadFromJsonAsync<InvitationResponse>(ApiJson.Options))!;
        var anonymous = api.CreateClient((string?)null);
        await anonymous.PostAsJsonAsync("/api/accounts", new { invitation = invitation.Token, password = "a-good-long-password" });

        for (var attempt = 1; attempt < 5; attempt++)
        {
            await (await anonymous.PostAsJsonAsync("/api/session", new { email = "bo@example.org", password = "wrong" })).AssertProblemAsync(HttpStatusCode.Unauthorized, "wrong");
        }
        await (await anonymous.PostAsJsonAsync("/api/session", new { email = "bo@example.org", password = "wrong" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "Too many failed sign-ins");

        // Locked means locked: the right password does not open it either, until the lockout ends.
        await (await anonymous.PostAsJsonAsync("/api/session", new { email = "bo@example.org", password = "a-good-long-password" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "Too many failed sign-ins");
    }

    [Fact]
    public async Task A_weak_password_is_a_400_naming_the_rule_and_no_account_is_made()
    {
        var invitation = (await (await api.CreateClient(TestAccounts.AdminToken).PostAsJsonAsync("/api/invitations", new { email = "cy@example.org", role = "volunteer" }))
            .Content.ReadFromJsonAsync<InvitationResponse>(ApiJson.Options))!;

        var response = await api.CreateClient((string?)null).PostAsJsonAsync("/api/accounts", new { invitation = invitation.Token, password = "short" });

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

    [Fact]
    public async Task A_coordinator_may_not_invite_an_admin() =>
        await (await api.CreateClient(TestAccounts.CoordinatorToken).PostAsJsonAsync("/api/invitations", new { email = "x@example.org", role = "admin" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "Only an admin may invite an admin");
}
