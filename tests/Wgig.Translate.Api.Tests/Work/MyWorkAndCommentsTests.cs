using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Comments;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Notifications;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Reviews;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Work;

namespace Wgig.Translate.Api.Tests.Work;

/// <summary>What the web app reads and writes beyond single translations, over the JSON API: my work, lists with filters, threads, batches.</summary>
public sealed class MyWorkAndCommentsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _coordinator = api.CreateClient(TestAccounts.CoordinatorToken);
    private readonly HttpClient _ana = api.CreateClient(TestAccounts.VolunteerToken);
    private readonly HttpClient _bo = api.CreateClient(TestAccounts.SecondVolunteerToken);
    private Guid _projectId;
    private Guid _documentId;
    private List<SegmentResponse> _segments = [];

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        _projectId = await _coordinator.CreateProjectAsync(targets: ["fr"]);
        var upload = await _coordinator.UploadAsync(_projectId, "paper.md",
            "The group met twice in Geneva.\n\nIt wrote a report.\n\nThe report went to the Summit.\n"u8.ToArray());
        _documentId = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        _segments = [.. (await _coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"{DocumentUrl}/segments", ApiJson.Options))!.Items];
        foreach (var email in new[] { "volunteer@test.example", "volunteer2@test.example" })
        {
            await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{await AccountAsync(email)}/languages/fr", new { canTranslate = true, canReview = true });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentUrl => $"/api/projects/{_projectId}/documents/{_documentId}";

    private string TranslationUrl(int segment) => $"{DocumentUrl}/segments/{_segments[segment].Id}/translations/fr";

    private async Task<Guid> AccountAsync(string email) =>
        (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();

    private static object Runs(string text) => new { runs = new[] { new { text } } };

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Saving_one_draft_of_a_batch_renews_the_lease_without_making_the_others_stale()
    {
        var claim = (await (await _ana.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr", words = 100 })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        Assert.Equal(3, claim.SegmentIds.Count);
        var second = (await _ana.GetAsync(TranslationUrl(1))).Headers.ETag!.Tag;
        api.Clock.Advance(TimeSpan.FromHours(1));

        var first = await PutAsync(_ana, $"{TranslationUrl(0)}/draft", Runs("Le groupe"), null);
        var then = await PutAsync(_ana, $"{TranslationUrl(1)}/draft", Runs("Il a écrit"), second);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(then.StatusCode == HttpStatusCode.OK, await then.Content.ReadAsStringAsync());
        Assert.NotEqual(second, then.Headers.ETag!.Tag);
        // The draft saved meanwhile is a newer version of that segment: its old version is a conflict carrying both.
        var stale = await PutAsync(_ana, $"{TranslationUrl(1)}/draft", Runs("Autre"), second);
        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict, "changed since you loaded it");
        Assert.Equal("Il a écrit", problem.GetProperty("current").GetProperty("draft").GetProperty("text").GetString());
    }

    [Fact]
    public async Task My_work_lists_claims_what_came_back_with_the_comment_and_what_to_claim_next()
    {
        var empty = (await _ana.GetFromJsonAsync<MyWorkView>("/api/me/work", ApiJson.Options))!;
        var claimable = Assert.Single(empty.Claimable, c => !c.Review);
        Assert.Equal((3, 250), (claimable.Segments, empty.BatchWords));

        var claim = (await (await _ana.PostAsJsonAsync($"/api/projects/{_projectId}/claims", new { language = "fr", words = 5 })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        Assert.Equal([_segments[0].Id], claim.SegmentIds);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(_ana, TranslationUrl(0), Runs("Le groupe s’est réuni deux fois à Genève."), null)).StatusCode);
        var review = (await (await _bo.PostAsJsonAsync($"{DocumentUrl}/reviews", new { language = "fr" })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        var rejected = await _bo.PostAsJsonAsync($"{TranslationUrl(0)}/review", new { decision = "reject", comment = "« à Genève » manque." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var mine = (await _ana.GetFromJsonAsync<MyWorkView>("/api/me/work", ApiJson.Options))!;
        var back = Assert.Single(mine.Returned);
        Assert.Equal((TargetState.Rejected, "« à Genève » manque.", await AccountAsync("volunteer2@test.example")), (back.State, back.Comment, back.ReviewerId));
        var told = (await _ana.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications", ApiJson.Options))!.Items;
        Assert.Contains(told, n => n.Kind == NotificationKind.TranslationRejected && n.Text.Contains("« à Genève » manque.", StringComparison.Ordinal));
        Assert.Empty(mine.Claims); // the batch was handed in whole
        Assert.Equal(3, Assert.Single(mine.Claimable, c => !c.Review).Segments); // the rejection is open again, for Ana alone
        Assert.Equal(2, Assert.Single((await _bo.GetFromJsonAsync<MyWorkView>("/api/me/work", ApiJson.Options))!.Claimable, c => !c.Review).Segments);
        Assert.DoesNotContain((await _bo.GetFromJsonAsync<MyWorkView>("/api/me/work", ApiJson.Options))!.Claims, c => c.ClaimId == review.ClaimId);
    }

    [Fact]
    public async Task Segments_filter_by_state_and_claim_and_search_source_and_translation()
    {
        await _ana.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr", words = 100 });
        await PutAsync(_ana, TranslationUrl(1), Runs("Il a rédigé un rapport."), null);

        async Task<List<SegmentResponse>> ListAsync(HttpClient client, string query)
        {
            var response = await client.GetAsync($"{DocumentUrl}/segments?language=fr&{query}");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return [.. (await response.Content.ReadFromJsonAsync<Paged<SegmentResponse>>(ApiJson.Options))!.Items];
        }

        Assert.Equal([_segments[0].Id, _segments[2].Id], (await ListAsync(_ana, "filter=Mine")).Select(s => s.Id));
        Assert.Empty(await ListAsync(_bo, "filter=mine"));
        Assert.Equal([_segments[1].Id], (await ListAsync(_bo, "filter=Translated")).Select(s => s.Id));
        Assert.Equal(2, (await ListAsync(_bo, "filter=Untranslated")).Count);
        Assert.Equal([_segments[1].Id], (await ListAsync(_bo, "q=RÉDIGÉ")).Select(s => s.Id));
        Assert.Equal([_segments[2].Id], (await ListAsync(_bo, "q=summit")).Select(s => s.Id));
        var listed = (await ListAsync(_ana, "q=100%25"));
        Assert.Empty(listed);
        var first = (await ListAsync(_ana, "pageSize=1")).Single();
        Assert.Equal((TargetState.Untranslated, true), (first.Translation!.State, first.Translation.ClaimedByMe));

        await (await _ana.GetAsync($"{DocumentUrl}/segments?filter=Mine")).AssertProblemAsync(HttpStatusCode.BadRequest, "name the language");
        await (await _ana.GetAsync($"{DocumentUrl}/segments?language=fr&q={new string('x', 201)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "at most 200");
        await (await _ana.GetAsync($"{DocumentUrl}/segments?language=de")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_comment_thread_holds_comments_and_rejections_and_tells_the_people_in_it()
    {
        await _ana.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr", words = 5 });
        await PutAsync(_ana, TranslationUrl(0), Runs("Le groupe s’est réuni."), null);
        await _bo.PostAsJsonAsync($"{TranslationUrl(0)}/review", new { decision = "reject", comment = "Deux fois ?" });

        var posted = await _ana.PostAsJsonAsync($"{TranslationUrl(0)}/comments", new { text = "  « twice » : faut-il le garder ?  ", toCoordinators = true });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var thread = (await _coordinator.GetFromJsonAsync<List<CommentResponse>>($"{TranslationUrl(0)}/comments", ApiJson.Options))!;

        Assert.Equal([("Deux fois ?", true, "volunteer2"), ("« twice » : faut-il le garder ?", false, "volunteer")],
            thread.Select(c => (c.Text, c.Rejection, c.AuthorName!)));
        Assert.Contains((await _bo.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications", ApiJson.Options))!.Items,
            n => n.Kind == NotificationKind.CommentAdded && n.Text.Contains("faut-il le garder", StringComparison.Ordinal));
        Assert.Contains((await _coordinator.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications", ApiJson.Options))!.Items,
            n => n.Kind == NotificationKind.CommentAdded);
        Assert.DoesNotContain((await _ana.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications", ApiJson.Options))!.Items,
            n => n.Kind == NotificationKind.CommentAdded);

        var before = await api.Database.SnapshotAsync();
        await (await _ana.PostAsJsonAsync($"{TranslationUrl(0)}/comments", new { text = " " })).AssertProblemAsync(HttpStatusCode.BadRequest, "needs some text");
        await (await _ana.PostAsJsonAsync($"{TranslationUrl(0)}/comments", new { text = new string('x', 4001) })).AssertProblemAsync(HttpStatusCode.BadRequest, "at most 4,000");
        Assert.Equal(before, await api.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_reviewer_approves_a_whole_batch_and_nothing_of_anyone_elses()
    {
        await _ana.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr", words = 100 });
        foreach (var (i, text) in new[] { (0, "Le groupe s’est réuni deux fois à Genève."), (1, "Il a rédigé un rapport.") })
        {
            await PutAsync(_ana, TranslationUrl(i), Runs(text), null);
        }
        var batch = (await (await _bo.PostAsJsonAsync($"{DocumentUrl}/reviews", new { language = "fr" })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;

        await (await _ana.PostAsync($"{DocumentUrl}/reviews/{batch.ClaimId}/approve", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var approved = await _bo.PostAsync($"{DocumentUrl}/reviews/{batch.ClaimId}/approve", null);

        Assert.Equal(2, (await approved.Content.ReadFromJsonAsync<BatchApproved>(ApiJson.Options))!.Approved);
        Assert.All(new[] { 0, 1 }, i => Assert.Equal(TargetState.Approved,
            _bo.GetFromJsonAsync<TranslationResponse>(TranslationUrl(i), ApiJson.Options).Result!.State));
        await (await _bo.PostAsync($"{DocumentUrl}/reviews/{batch.ClaimId}/approve", null)).AssertProblemAsync(HttpStatusCode.Conflict, "expired or was released");
    }

    [Fact]
    public async Task The_interface_language_is_one_of_the_six()
    {
        var chosen = await _ana.PutAsJsonAsync("/api/me/profile", new { interfaceLanguage = "AR" });
        Assert.Equal("ar", JsonDocument.Parse(await chosen.Content.ReadAsStringAsync()).RootElement.GetProperty("interfaceLanguage").GetString());

        await (await _ana.PutAsJsonAsync("/api/me/profile", new { interfaceLanguage = "de" })).AssertProblemAsync(HttpStatusCode.BadRequest, "'de' is not one of them");
    }
}
