using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Notifications;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Tests.Translations;

/// <summary>Who hears what as work moves, what a volunteer holds, and the segment list's filters.</summary>
public sealed class TellingPeopleTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
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
        // Ana translates; Bo and the coordinator review.
        await GrantAsync("volunteer@test.example", translate: true, review: false);
        await GrantAsync("volunteer2@test.example", translate: false, review: true);
        await GrantAsync("coordinator@test.example", translate: false, review: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentUrl => $"/api/projects/{_projectId}/documents/{_documentId}";

    private string TranslationUrl(int segment) => $"{DocumentUrl}/segments/{_segments[segment].Id}/translations/fr";

    [Fact]
    public async Task Reviewers_hear_when_a_whole_batch_is_handed_in_and_the_translator_hears_a_rejection_with_its_comment()
    {
        var claim = await ClaimAsync(_ana, "claims", words: 10); // "The group met twice in Geneva." and "It wrote a report."
        Assert.Equal(2, claim.SegmentIds.Count);
        await SubmitAsync(0, "Le groupe s’est réuni deux fois à Genève.");
        Assert.Empty(await NotificationsAsync(_bo, NotificationKind.ReviewReady));

        await SubmitAsync(1, "Il a rédigé un rapport.");

        var ready = Assert.Single(await NotificationsAsync(_bo, NotificationKind.ReviewReady));
        Assert.Equal("volunteer handed in a batch of paper.md (fr): 2 translation(s) of theirs await review. Claim a review batch to review them.", ready.Text);
        Assert.Single(await NotificationsAsync(_coordinator, NotificationKind.ReviewReady));
        Assert.Empty(await NotificationsAsync(_ana, NotificationKind.ReviewReady));

        await ClaimAsync(_bo, "reviews", words: 100);
        Assert.Equal(HttpStatusCode.OK, (await _bo.PostAsJsonAsync($"{TranslationUrl(1)}/review", new { decision = "reject", comment = "Say « a rédigé »: fine, but it was two reports." })).StatusCode);

        var rejected = Assert.Single(await NotificationsAsync(_ana, NotificationKind.TranslationRejected));
        Assert.Equal("volunteer2 sent back your translation of segment 2 of paper.md (fr): “Say « a rédigé »: fine, but it was two reports.”. " +
            "It is back with you: claim it to revise it.", rejected.Text);
        Assert.NotNull(rejected.SubjectId);
    }

    [Fact]
    public async Task Two_hand_ins_that_finish_a_batch_together_tell_the_reviewers_once()
    {
        // Each hand-in asks whether it finishes its batch under the claim's lock, before it commits: of two sent at once, the later
        // sees the earlier's handed in. Asked before the lock (or without it), both could see the other's segment still claimed.
        string[] names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima"];
        var upload = await _coordinator.UploadAsync(_projectId, "pairs.md",
            System.Text.Encoding.UTF8.GetBytes(string.Join("\n\n", names.Select(n => $"Delegation {n} met on Monday.")) + "\n"));
        var pairs = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!.Id;
        var segments = (await _coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"/api/projects/{_projectId}/documents/{pairs}/segments", ApiJson.Options))!
            .Items.ToDictionary(s => s.Id);

        for (var round = 1; round <= names.Length / 2; round++)
        {
            var response = await _ana.PostAsJsonAsync($"/api/projects/{_projectId}/documents/{pairs}/claims", new { language = "fr", words = 10 });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var claim = (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
            Assert.Equal(2, claim.SegmentIds.Count);

            var handedIn = await Task.WhenAll(claim.SegmentIds.Select(id => _ana.PutAsJsonAsync(
                $"/api/projects/{_projectId}/documents/{pairs}/segments/{id}/translations/fr",
                new { runs = new[] { new { text = segments[id].Source.Text.Replace("Delegation", "La délégation").Replace("met on Monday.", "s’est réunie lundi.") } } })));

            Assert.All(handedIn, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(round, (await NotificationsAsync(_bo, NotificationKind.ReviewReady)).Count);
        }
    }

    [Fact]
    public async Task My_claims_lists_live_claims_and_review_batches_with_what_is_left_in_each()
    {
        var mine = await ClaimAsync(_ana, "claims", words: 10);
        await SubmitAsync(0, "Le groupe s’est réuni deux fois à Genève.");
        var released = await ClaimAsync(_ana, "claims", words: 1);
        Assert.Equal(HttpStatusCode.NoContent, (await _ana.PostAsync($"{DocumentUrl}/claims/{released.ClaimId}/release", null)).StatusCode);

        var claims = (await _ana.GetFromJsonAsync<List<LiveClaim>>("/api/me/claims", ApiJson.Options))!;

        var live = Assert.Single(claims);
        Assert.Equal((mine.ClaimId, ClaimKind.Translation, "paper.md", "fr", 10, 4), (live.ClaimId, live.Kind, live.Path, live.Language, live.Words, live.RemainingWords));
        Assert.Equal([_segments[1].Id], live.Remaining);
        Assert.Empty((await _bo.GetFromJsonAsync<List<LiveClaim>>("/api/me/claims", ApiJson.Options))!);

        var batch = await ClaimAsync(_bo, "reviews", words: 100);
        var reviews = Assert.Single((await _bo.GetFromJsonAsync<List<LiveClaim>>("/api/me/claims", ApiJson.Options))!);
        Assert.Equal((batch.ClaimId, ClaimKind.Review, 6), (reviews.ClaimId, reviews.Kind, reviews.RemainingWords));
        Assert.Equal([_segments[0].Id], reviews.Remaining);
    }

    [Fact]
    public async Task The_segment_list_filters_by_state_by_your_own_work_and_by_text_in_source_or_translation()
    {
        await ClaimAsync(_ana, "claims", words: 10);
        await SubmitAsync(0, "Le groupe s’est réuni deux fois à Genève.");

        Assert.Equal([3], await OrdinalsAsync("language=fr&state=Untranslated"));
        Assert.Equal([2], await OrdinalsAsync("language=fr&state=Claimed"));
        Assert.Equal([2], await OrdinalsAsync("language=fr&filter=Mine", _ana)); // under a live claim only
        Assert.Equal([1], await OrdinalsAsync("language=fr&state=Translated"));
        Assert.Equal([1, 2], await OrdinalsAsync("language=fr&mine=true", _ana));
        Assert.Empty(await OrdinalsAsync("language=fr&mine=true", _bo));
        Assert.Equal([1], await OrdinalsAsync("q=genève&language=fr")); // in the translation, case ignored
        Assert.Equal([2, 3], await OrdinalsAsync("q=REPORT&language=fr")); // in the source
        Assert.Empty(await OrdinalsAsync("q=100%25&language=fr"));

        var listed = (await _ana.GetFromJsonAsync<Paged<SegmentResponse>>($"{DocumentUrl}/segments?language=fr", ApiJson.Options))!.Items;
        // A claimed segment shows as what it was before its claim, marked claimed (by you).
        Assert.Equal([TargetState.Translated, TargetState.Untranslated, TargetState.Untranslated], listed.Select(s => s.Translation!.State));
        Assert.Equal([false, true, false], listed.Select(s => s.Translation!.ClaimedByMe));
        Assert.Equal("Le groupe s’est réuni deux fois à Genève.", listed[0].Translation!.Text!.Text);

        await (await _ana.GetAsync($"{DocumentUrl}/segments?state=Translated")).AssertProblemAsync(HttpStatusCode.BadRequest, "need a language");
        await (await _ana.GetAsync($"{DocumentUrl}/segments?q=REPORT")).AssertProblemAsync(HttpStatusCode.BadRequest, "need a language");
        await (await _ana.GetAsync($"{DocumentUrl}/segments?language=de")).AssertProblemAsync(HttpStatusCode.BadRequest, "'de' is not a target language of this project (fr)");
        await (await _ana.GetAsync($"{DocumentUrl}/segments?language=fr&state=Done")).AssertProblemAsync(HttpStatusCode.BadRequest,
            "Untranslated, Claimed, Translated, Approved, Rejected, NeedsUpdate");
    }

    private async Task<IReadOnlyList<int>> OrdinalsAsync(string query, HttpClient? client = null) =>
        [.. (await (client ?? _coordinator).GetFromJsonAsync<Paged<SegmentResponse>>($"{DocumentUrl}/segments?{query}", ApiJson.Options))!.Items.Select(s => s.Ordinal)];

    private static async Task<List<NotificationResponse>> NotificationsAsync(HttpClient client, NotificationKind kind) =>
        [.. (await client.GetFromJsonAsync<Paged<NotificationResponse>>("/api/me/notifications", ApiJson.Options))!.Items.Where(n => n.Kind == kind)];

    private async Task SubmitAsync(int segment, string text)
    {
        var response = await _ana.PutAsJsonAsync(TranslationUrl(segment), new { runs = new[] { new { text } } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<ClaimResponse> ClaimAsync(HttpClient client, string what, int words)
    {
        var response = await client.PostAsJsonAsync($"{DocumentUrl}/{what}", new { language = "fr", words });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
    }

    private async Task GrantAsync(string email, bool translate, bool review)
    {
        var account = (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{account}/languages/fr",
            new { canTranslate = translate, canReview = review })).StatusCode);
    }
}
