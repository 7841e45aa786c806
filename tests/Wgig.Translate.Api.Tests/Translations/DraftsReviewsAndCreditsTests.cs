using System.Net;
using System.Net.Http.Json;
using Wgig.Translate.Api.Claims;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Profiles;
using Wgig.Translate.Api.Reviews;
using Wgig.Translate.Api.Translations;
using Wgig.Translate.Domain.Credits;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Tests.Translations;

/// <summary>Profiles, drafts that survive their claim, review batches, and the credits the history yields, over HTTP.</summary>
public sealed class DraftsReviewsAndCreditsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
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
        foreach (var email in new[] { "volunteer@test.example", "volunteer2@test.example", "coordinator@test.example" })
        {
            var granted = await _coordinator.PutAsJsonAsync($"/api/projects/{_projectId}/members/{await AccountAsync(email)}/languages/fr",
                new { canTranslate = true, canReview = true });
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string DocumentUrl => $"/api/projects/{_projectId}/documents/{_documentId}";

    private string TranslationUrl(int segment) => $"{DocumentUrl}/segments/{_segments[segment].Id}/translations/fr";

    private async Task<Guid> AccountAsync(string email) =>
        (await api.Database.QueryAsync<Guid>($"SELECT id FROM translate.accounts WHERE email = '{email}'")).Single();

    private static object Runs(string text) => new { runs = new[] { new { text } } };

    private async Task<ClaimResponse> ClaimAsync(HttpClient client, int words, string what = "claims")
    {
        var response = await client.PostAsJsonAsync($"{DocumentUrl}/{what}", new { language = "fr", words });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
    }

    [Fact]
    public async Task A_profile_sizes_claims_and_a_paused_volunteer_takes_no_new_work()
    {
        var saved = await _ana.PutAsJsonAsync("/api/me/profile", new
        {
            languages = new[] { new { language = "FR", level = "Native" }, new { language = "en", level = "Professional" } },
            capacityWordsPerWeek = 35, // 10 words per 48 h lease
            timeZone = "Europe/Zurich",
            availability = new[] { new { day = "Monday", from = "09:00:00", to = "12:00:00" } },
            mail = "DailyDigest",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var profile = (await _ana.GetFromJsonAsync<ProfileResponse>("/api/me/profile", ApiJson.Options))!;
        Assert.Equal(("fr", 35, "Europe/Zurich", 1, Domain.Profiles.MailPreference.DailyDigest),
            (profile.Languages[0].Language, profile.CapacityWordsPerWeek, profile.TimeZone, profile.Availability.Count, profile.Mail));

        // No budget given: the batch is what 35 words a week makes of a 48 h lease (at least one sentence's worth).
        var batch = (await (await _ana.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr" })).Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!;
        Assert.Equal(_segments.Take(3).Select(s => s.Id), batch.SegmentIds);
        Assert.Equal(16, batch.Words);

        var paused = await _coordinator.PostAsJsonAsync($"/api/accounts/{await AccountAsync("volunteer2@test.example")}/profile/pause", new { reason = "three lapsed claims" });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        await (await _bo.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr" })).AssertProblemAsync(HttpStatusCode.Conflict, "paused (three lapsed claims)");
        Assert.Equal(HttpStatusCode.OK, (await _bo.PostAsync("/api/me/profile/resume", null)).StatusCode);

        await (await _bo.GetAsync($"/api/accounts/{await AccountAsync("volunteer@test.example")}/profile")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _ana.PutAsJsonAsync("/api/me/profile", new { timeZone = "Europe/Geneva", capacityWordsPerWeek = -1 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "'Europe/Geneva' is not a known time zone");
        await (await _coordinator.GetAsync($"/api/accounts/{Guid.NewGuid()}/profile")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_default_batch_follows_the_capacity()
    {
        await _ana.PutAsJsonAsync("/api/me/profile", new { capacityWordsPerWeek = 35 * 3 }); // 30 words a lease
        await _bo.PutAsJsonAsync("/api/me/profile", new { capacityWordsPerWeek = 0 }); // not said: the default of 250

        var ana = await _ana.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr" });

        Assert.Equal(3, (await ana.Content.ReadFromJsonAsync<ClaimResponse>(ApiJson.Options))!.SegmentIds.Count);
    }

    [Fact]
    public async Task Drafts_are_private_extend_the_lease_and_become_a_suggestion_for_the_next_translator()
    {
        var claim = await ClaimAsync(_ana, words: 6);
        api.Clock.Advance(TimeSpan.FromMinutes(5));
        var saved = await _ana.PutAsJsonAsync($"{TranslationUrl(0)}/draft", Runs("Le groupe s’est réuni"));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal("Le groupe s’est réuni", (await saved.Content.ReadFromJsonAsync<TranslationResponse>(ApiJson.Options))!.Draft!.Text);
        var extended = (await api.Database.QueryAsync<DateTime>($"SELECT expires_at FROM translate.claims WHERE id = '{claim.ClaimId}'")).Single();
        Assert.True(extended > claim.ExpiresAt.UtcDateTime);

        // Nobody else sees the draft, not even a coordinator.
        Assert.Null((await _bo.GetFromJsonAsync<TranslationResponse>(TranslationUrl(0), ApiJson.Options))!.Draft);
        Assert.Null((await _coordinator.GetFromJsonAsync<TranslationResponse>(TranslationUrl(0), ApiJson.Options))!.Draft);
        await (await _bo.PutAsJsonAsync($"{TranslationUrl(0)}/draft", Runs("Autre"))).AssertProblemAsync(HttpStatusCode.Conflict, "do not hold a claim");

        // The lease runs out, the Worker reclaims it, the segment goes to Bo: Ana's draft is offered to him as a suggestion.
        api.Clock.Advance(TimeSpan.FromHours(49));
        await api.SweepExpiredClaimsAsync();
        Assert.Equal(_segments[0].Id, (await ClaimAsync(_bo, words: 1)).SegmentIds[0]);
        var forBo = (await _bo.GetFromJsonAsync<TranslationResponse>(TranslationUrl(0), ApiJson.Options))!;
        var suggestion = Assert.Single(forBo.Suggestions!);
        Assert.Equal(("Le groupe s’est réuni", await AccountAsync("volunteer@test.example")), (suggestion.Text.Text, suggestion.AuthorId));
        Assert.Null(forBo.Draft);
        Assert.Null((await _ana.GetFromJsonAsync<TranslationResponse>(TranslationUrl(0), ApiJson.Options))!.Suggestions);
        var history = (await _coordinator.GetFromJsonAsync<List<HistoryEntry>>($"{TranslationUrl(0)}/history", ApiJson.Options))!;
        Assert.Equal([TargetEventKind.Claimed, TargetEventKind.Expired, TargetEventKind.DraftSetAside, TargetEventKind.Claimed], history.Select(h => h.Kind));
    }

    [Fact]
    public async Task Reviewers_claim_batches_of_others_work_and_the_credits_name_everyone()
    {
        await ClaimAsync(_ana, words: 100);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _ana.PutAsJsonAsync(TranslationUrl(i), Runs($"Traduction {new[] { "une", "deux", "trois" }[i]}."))).StatusCode);
        }
        var queue = (await _bo.GetFromJsonAsync<List<ReviewQueueEntry>>($"/api/projects/{_projectId}/reviews?language=fr", ApiJson.Options))!;
        Assert.Equal((3, 0, 0), (Assert.Single(queue).Awaiting, queue[0].InBatches, queue[0].Yours));

        await (await _ana.PostAsJsonAsync($"{DocumentUrl}/reviews", new { language = "fr" })).AssertProblemAsync(HttpStatusCode.Conflict, "is waiting for you");
        var batch = await ClaimAsync(_bo, words: 6, what: "reviews");
        Assert.Equal([_segments[0].Id], batch.SegmentIds);
        Assert.Equal(1, (await _bo.GetFromJsonAsync<List<ReviewQueueEntry>>($"/api/projects/{_projectId}/reviews?language=fr", ApiJson.Options))![0].InBatches);

        // The coordinator may not decide on what is in Bo's batch, but takes the next one.
        await (await _coordinator.PostAsJsonAsync($"{TranslationUrl(0)}/review", new { decision = "approve" })).AssertProblemAsync(HttpStatusCode.Conflict, "another reviewer's review batch");
        var next = await ClaimAsync(_coordinator, words: 100, what: "reviews");
        Assert.Equal([_segments[1].Id, _segments[2].Id], next.SegmentIds);

        Assert.Equal(HttpStatusCode.OK, (await _bo.PostAsJsonAsync($"{TranslationUrl(0)}/review", new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsJsonAsync($"{TranslationUrl(1)}/review", new { decision = "edit", runs = new[] { new { text = "Il a rédigé un rapport." } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _coordinator.PostAsync($"{DocumentUrl}/reviews/{next.ClaimId}/release", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bo.PostAsJsonAsync($"{TranslationUrl(2)}/review", new { decision = "reject", comment = "Summit is Sommet." })).StatusCode);

        var credits = (await _coordinator.GetFromJsonAsync<DocumentCredits>($"{DocumentUrl}/credits?language=fr", ApiJson.Options))!;
        var translator = Assert.Single(credits.Translators);
        Assert.Equal(("volunteer", 3, 16), (translator.DisplayName, translator.Translated, translator.TranslatedWords));
        Assert.Equal([("volunteer2", 2, 0), ("coordinator", 1, 1)], credits.Reviewers.Select(r => (r.DisplayName, r.Reviewed, r.Edited)));
        await (await _coordinator.GetAsync($"{DocumentUrl}/credits?language=de")).AssertProblemAsync(HttpStatusCode.BadRequest, "'de' is not a target language");
    }

    [Fact]
    public async Task Credits_count_distinct_segments_of_the_current_paper_and_count_revisions_apart()
    {
        await ClaimAsync(_ana, words: 100);
        for (var i = 0; i < 3; i++)
        {
            // Placeholder text: its numbers and length are acknowledged to the checks.
            Assert.Equal(HttpStatusCode.OK, (await _ana.PutAsJsonAsync(TranslationUrl(i),
                new { runs = new[] { new { text = $"Traduction {i}." } }, acknowledge = new[] { "numbers", "length" } })).StatusCode);
        }
        await ClaimAsync(_bo, words: 100, what: "reviews");
        Assert.Equal(HttpStatusCode.OK, (await _bo.PostAsJsonAsync($"{TranslationUrl(0)}/review", new { decision = "reject", comment = "Geneva is Genève." })).StatusCode);
        // Ana revises the rejected one: a revision, not a fourth segment. Bo reviews it again: a second decision, not a second segment.
        await ClaimAsync(_ana, words: 100);
        Assert.Equal(HttpStatusCode.OK, (await _ana.PutAsJsonAsync(TranslationUrl(0), Runs("Le groupe s’est réuni deux fois à Genève."))).StatusCode);
        await ClaimAsync(_bo, words: 100, what: "reviews");
        Assert.Equal(HttpStatusCode.OK, (await _bo.PostAsJsonAsync($"{TranslationUrl(0)}/review", new { decision = "approve" })).StatusCode);
        // A new version drops the last sentence and brings a new one, which Ana translates: still a three-segment paper.
        var version = await _coordinator.PostAsync($"{DocumentUrl}/versions", new MultipartFormDataContent
        {
            { new ByteArrayContent("The group met twice in Geneva.\n\nIt wrote a report.\n\nComments are welcome until March.\n"u8.ToArray()), "file", "paper.md" },
        });
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        var added = (await _coordinator.GetFromJsonAsync<Paged<SegmentResponse>>($"{DocumentUrl}/segments", ApiJson.Options))!.Items[2];
        await ClaimAsync(_ana, words: 100);
        Assert.Equal(HttpStatusCode.OK, (await _ana.PutAsJsonAsync($"{DocumentUrl}/segments/{added.Id}/translations/fr", Runs("Vos remarques sont les bienvenues."))).StatusCode);

        var credits = (await _coordinator.GetFromJsonAsync<DocumentCredits>($"{DocumentUrl}/credits?language=fr", ApiJson.Options))!;

        var ana = Assert.Single(credits.Translators);
        // 6 + 4 + 5 words: each current segment once.
        Assert.Equal(("volunteer", 3, 15, 1), (ana.DisplayName, ana.Translated, ana.TranslatedWords, ana.Revisions));
        var bo = Assert.Single(credits.Reviewers);
        Assert.Equal(("volunteer2", 1, 6, 0, 1), (bo.DisplayName, bo.Reviewed, bo.ReviewedWords, bo.Edited, bo.ReviewRevisions));
    }

    [Fact]
    public async Task The_weekly_capacity_caps_what_a_volunteer_holds_however_the_work_reaches_them()
    {
        await _ana.PutAsJsonAsync("/api/me/profile", new { capacityWordsPerWeek = 10 });

        // Asking for 100 words gets what fits in the week's capacity (6 + 4), not the whole paper.
        var first = await ClaimAsync(_ana, words: 100);
        Assert.Equal((2, 10), (first.SegmentIds.Count, first.Words));
        await (await _ana.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr", words = 100 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "holds 10 words in live claims and may hold at most 10 (their weekly capacity from their profile");
        await (await _ana.PostAsJsonAsync($"{DocumentUrl}/claims", new { language = "fr", segmentIds = new[] { _segments[2].Id } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "6 more words would not fit");

        // A coordinator's batch follows the same rule.
        var assigned = await _coordinator.PostAsJsonAsync($"{DocumentUrl}/assignments", new
        {
            language = "fr",
            assignments = new[] { new { volunteerId = await AccountAsync("volunteer@test.example"), kind = "Translate", segmentIds = new[] { _segments[2].Id } } },
        });
        await assigned.AssertProblemAsync(HttpStatusCode.Conflict, "may hold at most 10 (their weekly capacity, within the project's cap): 6 more words would not fit");
    }
}
