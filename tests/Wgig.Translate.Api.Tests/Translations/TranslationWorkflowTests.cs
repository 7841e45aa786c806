using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Tests.Translations;

public sealed class TranslationWorkflowTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _volunteer = api.CreateClient(TestAccounts.VolunteerToken);

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Url, SegmentResponse Segment)> ClaimedSegmentAsync()
    {
        var projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);
        var document = (await (await _coordinator.UploadAsync(projectId, "paper.md", "The **WSIS** met twice.\n\nA second paragraph.\n"u8.ToArray()))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        foreach (var (email, translate, review) in new[] { ("volunteer@test.example", true, false), ("coordinator@test.example", false, true) })
        {
            var account = (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();
            await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{account}/languages/fr", new { canTranslate = translate, canReview = review });
        }
        var claim = (await (await _volunteer.PostAsJsonAsync($"/api/projects/{projectId}/documents/{document.Id}/claims", new { language = "fr", words = 4 }))
            .Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        var segment = (await _volunteer.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{projectId}/documents/{document.Id}/segments", ApiJson.Options))!
            .Items.Single(s => s.Id == claim.SegmentIds.Single());
        return ($"/api/projects/{projectId}/documents/{document.Id}/segments/{segment.Id}/translations/fr", segment);
    }

    // "Le [bold]SMSI[/bold] s'est réuni deux fois." with the source's code ids.
    private static object French(string words = "s’est réuni deux fois.") => new
    {
        runs = new object[] { new { text = "Le " }, new { code = 1, kind = "Open" }, new { text = "SMSI" }, new { code = 1, kind = "Close" }, new { text = " " + words } },
    };

    [Fact]
    public async Task Claim_submit_reject_resubmit_and_approve_by_a_second_person_with_a_full_history()
    {
        var (url, segment) = await ClaimedSegmentAsync();
        var claimed = await _volunteer.GetAsync(url);
        Assert.Equal(TargetState.Claimed, (await claimed.Content.ReadFromJsonAsync<TranslationResponse>(ApiJson.Options))!.State);

        var submitted = await SendAsync(_volunteer, HttpMethod.Put, url, French(), claimed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var translation = (await submitted.Content.ReadFromJsonAsync<TranslationResponse>(ApiJson.Options))!;
        Assert.Equal((TargetState.Translated, "Le SMSI s’est réuni deux fois."), (translation.State, translation.Text!.Text));
        Assert.NotEqual(claimed.Headers.ETag, submitted.Headers.ETag);

        await (await _volunteer.PostAsJsonAsync($"{url}/review", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.Forbidden, "may not review");
        await (await _coordinator.PostAsJsonAsync($"{url}/review", new { decision = "reject", comment = "Use the UN term." })).Content.ReadAsStringAsync();
        Assert.Equal(TargetState.Rejected, (await _volunteer.GetFromJsonAsync<TranslationResponse>(url, ApiJson.Options))!.State);

        var projectUrl = url[..url.IndexOf("/segments", StringComparison.Ordinal)];
        await _volunteer.PostAsJsonAsync($"{projectUrl}/claims", new { language = "fr" });
        await SendAsync(_volunteer, HttpMethod.Put, url, French("se sont réunis deux fois."), null);
        var approved = await _coordinator.PostAsJsonAsync($"{url}/review", new { decision = "approve" });

        Assert.Equal(TargetState.Approved, (await approved.Content.ReadFromJsonAsync<TranslationResponse>(ApiJson.Options))!.State);
        var history = (await _coordinator.GetFromJsonAsync<List<HistoryEntry>>($"{url}/history", ApiJson.Options))!;
        Assert.Equal([TargetEventKind.Claimed, TargetEventKind.Submitted, TargetEventKind.Rejected, TargetEventKind.Claimed, TargetEventKind.Submitted, TargetEventKind.Approved],
            history.Select(h => h.Kind));
        Assert.Equal(Enumerable.Range(1, 6), history.Select(h => h.Sequence));
        Assert.Equal("Use the UN term.", history[2].Comment);
        Assert.Equal(["Le SMSI s’est réuni deux fois.", "Le SMSI se sont réunis deux fois."], history.Where(h => h.Text is not null).Select(h => h.Text!.Text));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_with_the_current_one_and_nothing_is_overwritten()
    {
        var (url, _) = await ClaimedSegmentAsync();
        var first = await _volunteer.GetAsync(url);
        await SendAsync(_volunteer, HttpMethod.Put, url, French(), first.Headers.ETag!.Tag);
        var before = await api.Database.SnapshotAsync();

        var stale = await SendAsync(_coordinator, HttpMethod.Post, $"{url}/review", new { decision = "edit", runs = new[] { new { text = "Autre chose." } } }, first.Headers.ETag!.Tag);

        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict, "changed since you loaded it");
        Assert.Equal("Translated", problem.GetProperty("current").GetProperty("state").GetString());
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Submitting_needs_a_claim_and_codes_of_the_source()
    {
        var (url, _) = await ClaimedSegmentAsync();

        await (await SendAsync(_volunteer, HttpMethod.Put, url, new { runs = new object[] { new { text = "Le " }, new { code = 7, kind = "Open" } } }, null))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "The source has no code 7");
        await (await SendAsync(_volunteer, HttpMethod.Put, url, new { runs = new[] { new { text = " " } } }, null))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "is empty");
        // The coordinator may not translate into French at all: the right is checked before the claim.
        await (await SendAsync(_coordinator, HttpMethod.Put, url, French(), null)).AssertProblemAsync(HttpStatusCode.Forbidden, "may not translate into 'fr'");
    }

    [Fact]
    public async Task Nobody_reviews_their_own_translation_not_even_with_the_review_right()
    {
        var (url, _) = await ClaimedSegmentAsync();
        await SendAsync(_volunteer, HttpMethod.Put, url, French(), null);
        var projectId = url.Split('/')[3];
        var volunteer = (await api.Database.QueryAsync<Guid>("SELECT id FROM translate.accounts WHERE email = 'volunteer@test.example'")).Single();
        await _coordinator.PutAsJsonAsync($"/api/projects/{projectId}/members/{volunteer}/languages/fr", new { canTranslate = true, canReview = true });

        await (await _volunteer.PostAsJsonAsync($"{url}/review", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.Forbidden, "a different volunteer must review it");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return client.SendAsync(request);
    }
}
