using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Members;

namespace Wgig.Translate.Api.Tests.Invitations;

public sealed class InvitationsApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly object[] French = [new { language = "fr", canTranslate = true, canReview = false }];

    [Fact]
    public async Task An_invitation_into_a_project_carries_its_rights_to_the_new_account()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr", "es"]);

        var sent = await _coordinator.PostAsJsonAsync("/api/invitations", new { email = "lena@example.org", role = "volunteer", projectId, rights = French });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var invitation = (await sent.Content.ReadFromJsonAsync<InvitationResponse>(ApiJson.Options))!;
        Assert.Equal((projectId, "fr"), (invitation.ProjectId, Assert.Single(invitation.Rights).Language));
        var pending = (await _coordinator.GetFromJsonAsync<List<PendingInvitation>>($"/api/invitations?projectId={projectId}", ApiJson.Options))!;
        Assert.Equal(("lena@example.org", "coordinator"), (Assert.Single(pending).Email, pending[0].InvitedBy));

        var token = await api.TokenFromLetterAsync("lena@example.org");
        (await api.CreateClient((string?)null).PostAsJsonAsync("/api/accounts", new { invitation = token, displayName = "Lena", password = "a long pass phrase" }))
            .EnsureSuccessStatusCode();

        var member = Assert.Single((await _coordinator.GetFromJsonAsync<List<MemberResponse>>($"/api/projects/{projectId}/members", ApiJson.Options))!);
        Assert.Equal(("Lena", "fr", true, false), (member.Name, member.Language, member.CanTranslate, member.CanReview));
        Assert.Empty((await _coordinator.GetFromJsonAsync<List<PendingInvitation>>($"/api/invitations?projectId={projectId}", ApiJson.Options))!);
    }

    [Fact]
    public async Task Inviting_an_existing_account_grants_the_rights_instead_and_sends_nothing()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);
        var before = await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.outgoing_mails");

        var response = await _coordinator.PostAsJsonAsync("/api/invitations", new { email = "volunteer@test.example", role = "volunteer", projectId, rights = French });
        var withoutProject = await _coordinator.PostAsJsonAsync("/api/invitations", new { email = "volunteer@test.example", role = "volunteer" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("volunteer", (await response.Content.ReadFromJsonAsync<RightsGrantedResponse>(ApiJson.Options))!.Name);
        Assert.Equal("fr", Assert.Single((await _coordinator.GetFromJsonAsync<List<MemberResponse>>($"/api/projects/{projectId}/members", ApiJson.Options))!).Language);
        await withoutProject.AssertProblemAsync(HttpStatusCode.Conflict, "has an account already");
        Assert.Equal(before, await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.outgoing_mails"));
    }

    [Fact]
    public async Task A_resent_invitation_replaces_the_old_link_and_a_revoked_one_no_longer_works()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);
        var first = (await (await _coordinator.PostAsJsonAsync("/api/invitations", new { email = "omar@example.org", role = "volunteer", projectId, rights = French }))
            .Content.ReadFromJsonAsync<InvitationResponse>(ApiJson.Options))!;
        var oldToken = await api.TokenFromLetterAsync("omar@example.org");

        var resent = await _coordinator.PostAsync($"/api/invitations/{first.Id}/resend", null);
        var second = (await resent.Content.ReadFromJsonAsync<InvitationResponse>(ApiJson.Options))!;
        var anonymous = api.CreateClient((string?)null);
        var withOld = await anonymous.PostAsJsonAsync("/api/accounts", new { invitation = oldToken, displayName = "Omar", password = "a long pass phrase" });
        var revoked = await _coordinator.DeleteAsync($"/api/invitations/{second.Id}");
        var newToken = await api.TokenFromLetterAsync("omar@example.org");
        var withNew = await anonymous.PostAsJsonAsync("/api/accounts", new { invitation = newToken, displayName = "Omar", password = "a long pass phrase" });

        Assert.Equal(HttpStatusCode.Created, resent.StatusCode);
        Assert.NotEqual(first.Id, second.Id);
        await withOld.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await withNew.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty((await _coordinator.GetFromJsonAsync<List<PendingInvitation>>("/api/invitations", ApiJson.Options))!);
    }

    [Theory]
    [InlineData("""{"email":"x@example.org","role":"volunteer","rights":[{"language":"fr","canTranslate":true}]}""", "projectId")]
    [InlineData("""{"email":"not an address","role":"volunteer"}""", "email")]
    [InlineData("""{"email":"x@example.org","role":"admin"}""", "may not invite")]
    public async Task A_bad_invitation_is_refused_and_nothing_is_stored(string body, string said)
    {
        var before = await api.Database.SnapshotAsync();

        var response = await _coordinator.PostAsync("/api/invitations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.Contains(said, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Rights_in_a_language_the_project_does_not_translate_into_are_refused()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);

        var response = await _coordinator.PostAsJsonAsync("/api/invitations", new
        {
            email = "x@example.org", role = "volunteer", projectId, rights = new[] { new { language = "de", canTranslate = true, canReview = false } },
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "not a target language");
    }
}
