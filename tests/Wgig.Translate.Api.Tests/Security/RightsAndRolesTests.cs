using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Projects;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Jobs;

namespace Wgig.Translate.Api.Tests.Security;

/// <summary>Rights taken away, staff roles per project and the job dashboard, tried as an attacker with an account would.</summary>
public sealed class RightsAndRolesTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _ana = api.CreateClient(TestAccounts.VolunteerToken);
    private readonly HttpClient _bo = api.CreateClient(TestAccounts.SecondVolunteerToken);
    private Guid _projectId;
    private Guid _documentId;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);
        var upload = await _coordinator.UploadAsync(_projectId, "paper.md", "The group met twice in Geneva.\n\nIt wrote a report.\n"u8.ToArray());
        _documentId = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        await GrantAsync("volunteer@test.example", translate: true, review: true);
        await GrantAsync("volunteer2@test.example", translate: true, review: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentUrl => $"/api/projects/{_projectId}/documents/{_documentId}";

    private async Task<Guid> AccountAsync(string email) =>
        (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();

    private async Task GrantAsync(string email, bool translate, bool review) =>
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{await AccountAsync(email)}/languages/fr",
            new { canTranslate = translate, canReview = review })).StatusCode);

    private async Task<ClaimResponse> ClaimAsync(HttpClient client, string what = "claims")
    {
        var response = await client.PostAsJsonAsync($"{DocumentUrl}/{what}", new { language = "fr", words = 100 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
    }

    [Fact]
    public async Task Taking_the_translate_right_away_ends_the_live_claim_keeps_the_draft_and_every_write_path_refuses()
    {
        var claim = await ClaimAsync(_ana);
        var url = $"{DocumentUrl}/segments/{claim.SegmentIds[0]}/translations/fr";
        Assert.Equal(HttpStatusCode.OK, (await _ana.PutAsJsonAsync($"{url}/draft", new { runs = new[] { new { text = "Le groupe s’est réuni" } } })).StatusCode);

        await GrantAsync("volunteer@test.example", translate: false, review: true);

        await (await _ana.PutAsJsonAsync(url, new { runs = new[] { new { text = "Le groupe s’est réuni deux fois." } } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _ana.PutAsJsonAsync($"{url}/draft", new { runs = new[] { new { text = "encore" } } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _ana.PostAsync($"{DocumentUrl}/claims/{claim.ClaimId}/renew", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var xliff = new MultipartFormDataContent { { new ByteArrayContent("<xliff/>"u8.ToArray()), "file", "paper.xlf" } };
        await (await _ana.PostAsync($"{DocumentUrl}/xliff?language=fr", xliff)).AssertProblemAsync(HttpStatusCode.Forbidden);
        // The history says why the claim ended; the draft is offered to the next translator; the segment is open again.
        var history = (await _coordinator.GetFromJsonAsync<List<HistoryEntry>>($"{url}/history", ApiJson.Options))!;
        var ended = Assert.Single(history, h => h.Kind == Domain.Targets.TargetEventKind.ClaimEndedRightRevoked);
        Assert.Contains("right to translate into fr was taken away", ended.Comment, StringComparison.Ordinal);
        Assert.Contains(history, h => h.Kind == Domain.Targets.TargetEventKind.DraftSetAside && h.Text!.Text == "Le groupe s’est réuni");
        Assert.Contains(claim.SegmentIds[0], (await ClaimAsync(_bo)).SegmentIds);
        Assert.Equal([1L], await api.Database.QueryAsync<long>($"SELECT count(*) FROM translate.claims WHERE id = '{claim.ClaimId}' AND released_at IS NOT NULL"));
    }

    [Fact]
    public async Task Taking_the_review_right_away_ends_the_review_batch_and_the_history_says_why()
    {
        var claim = await ClaimAsync(_ana);
        foreach (var segment in claim.SegmentIds)
        {
            Assert.Equal(HttpStatusCode.OK, (await _ana.PutAsJsonAsync($"{DocumentUrl}/segments/{segment}/translations/fr",
                new { runs = new[] { new { text = $"Traduction {segment:N}" } }, acknowledge = new[] { "numbers", "final-punctuation", "length" } })).StatusCode);
        }
        var batch = await ClaimAsync(_bo, "reviews");

        await GrantAsync("volunteer2@test.example", translate: true, review: false);

        var url = $"{DocumentUrl}/segments/{batch.SegmentIds[0]}/translations/fr";
        await (await _bo.PostAsJsonAsync($"{url}/review", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var translation = (await _coordinator.GetFromJsonAsync<TranslationResponse>(url, ApiJson.Options))!;
        Assert.Null(translation.ReviewClaimedBy);
        var history = (await _coordinator.GetFromJsonAsync<List<HistoryEntry>>($"{url}/history", ApiJson.Options))!;
        Assert.Contains("right to review fr was taken away", Assert.Single(history, h => h.Kind == Domain.Targets.TargetEventKind.ReviewEndedRightRevoked).Comment,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_of_other_projects_neither_sees_nor_runs_this_one_until_made_its_staff()
    {
        var other = api.CreateClient(TestAccounts.OtherCoordinatorToken);
        var before = await api.Database.SnapshotAsync();

        await (await other.GetAsync($"/api/projects/{_projectId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.UploadAsync(_projectId, "forged.md", "Forged.\n"u8.ToArray())).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.PutAsJsonAsync($"/api/projects/{_projectId}/members/{await AccountAsync("coordinator2@test.example")}/languages/fr",
            new { canTranslate = true, canReview = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/accounts/{await AccountAsync("volunteer@test.example")}/profile")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await other.GetFromJsonAsync<Paged<ProjectResponse>>("/api/projects", ApiJson.Options))!.TotalCount);
        Assert.Equal(before, await api.Database.SnapshotAsync());

        var staff = await _coordinator.PutAsync($"/api/projects/{_projectId}/staff/{await AccountAsync("coordinator2@test.example")}", null);
        Assert.Equal(2, (await staff.Content.ReadFromJsonAsync<List<StaffResponse>>(ApiJson.Options))!.Count);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/projects/{_projectId}")).StatusCode);
        await (await _coordinator.PutAsync($"/api/projects/{_projectId}/staff/{await AccountAsync("volunteer@test.example")}", null))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "only coordinator and secretariat accounts");
    }

    [Fact]
    public async Task Coordinators_see_the_job_dashboard_read_only_and_admins_may_act_on_jobs()
    {
        api.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<ISendOutgoingMail>("test-job", job => job.SendOutgoingAsync(CancellationToken.None), Cron.Never());

        var asCoordinator = await _coordinator.GetStringAsync("/hangfire/recurring");
        var asAdmin = await api.CreateClient(TestAccounts.AdminToken).GetStringAsync("/hangfire/recurring");

        Assert.Contains("test-job", asCoordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("recurring/trigger", asCoordinator, StringComparison.Ordinal);
        Assert.Contains("recurring/trigger", asAdmin, StringComparison.Ordinal);
        var trigger = await _coordinator.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "test-job")]));
        Assert.False(trigger.IsSuccessStatusCode, $"A coordinator triggered a job: {(int)trigger.StatusCode}");
    }
}
