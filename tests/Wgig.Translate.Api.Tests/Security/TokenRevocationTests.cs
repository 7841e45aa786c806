using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Domain.Accounts;

namespace Wgig.Translate.Api.Tests.Security;

/// <summary>
/// Token checks kept by the API process end as the token or the account changes: at once for changes this process saves,
/// and as soon as PostgreSQL's notice arrives for changes made elsewhere (another API process, the Worker, by hand).
/// </summary>
public sealed class TokenRevocationTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly TimeSpan NoticeWait = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private TokenCallers Callers => api.Services.GetRequiredService<TokenCallers>();

    // Used once, so that its check is kept: the next calls would be answered from what is kept.
    private async Task<Guid> UsedAndKeptAsync(string token)
    {
        await api.NoticesHeardAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient(token).GetAsync("/api/me")).StatusCode);
        Assert.True(Callers.TryGet(Secrets.Hash(token), out var kept));
        return kept.AccountId;
    }

    private Task ForgottenAsync(Guid accountId) => Callers.ForgottenAsync(accountId);

    [Fact]
    public async Task A_token_revoked_through_the_api_stops_working_on_the_very_next_call()
    {
        var issued = await api.CreateClient(TestAccounts.VolunteerToken).PostAsJsonAsync("/api/me/tokens", new { name = "script" });
        var token = (await issued.Content.ReadFromJsonAsync<IssuedTokenResponse>(ApiJson.Options))!;
        await UsedAndKeptAsync(token.Token);

        Assert.Equal(HttpStatusCode.NoContent, (await api.CreateClient(TestAccounts.VolunteerToken).DeleteAsync($"/api/me/tokens/{token.Id}")).StatusCode);

        await (await api.CreateClient(token.Token).GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_revoked_by_another_process_stops_working_when_postgresql_tells_this_one()
    {
        var accountId = await UsedAndKeptAsync(TestAccounts.SecondVolunteerToken);
        var forgotten = ForgottenAsync(accountId);

        await api.Database.ExecuteAsync($"UPDATE translate.api_tokens SET revoked_at = now() WHERE hash = '{Secrets.Hash(TestAccounts.SecondVolunteerToken)}'");
        await forgotten.WaitAsync(NoticeWait);

        await (await api.CreateClient(TestAccounts.SecondVolunteerToken).GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_account_disabled_or_losing_its_role_elsewhere_loses_its_token_when_postgresql_tells_this_process()
    {
        var volunteer = await UsedAndKeptAsync(TestAccounts.VolunteerToken);
        var disabled = ForgottenAsync(volunteer);
        await api.Database.ExecuteAsync($"UPDATE translate.accounts SET disabled_at = now() WHERE id = '{volunteer}'");
        await disabled.WaitAsync(NoticeWait);
        await (await api.CreateClient(TestAccounts.VolunteerToken).GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var coordinator = await UsedAndKeptAsync(TestAccounts.CoordinatorToken);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient(TestAccounts.CoordinatorToken).GetAsync("/api/invitations")).StatusCode);
        var demoted = ForgottenAsync(coordinator);
        await api.Database.ExecuteAsync($"DELETE FROM translate.account_roles WHERE user_id = '{coordinator}'");
        await demoted.WaitAsync(NoticeWait);
        await (await api.CreateClient(TestAccounts.CoordinatorToken).GetAsync("/api/invitations")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
